using System.Globalization;
using System.Text.RegularExpressions;
using BackupQuery.PowerShell.Tests.Support;

namespace BackupQuery.PowerShell.Tests;

/// <summary>
/// The default table of every output type, rendered by the real formatter at 80 and 120 columns: the module's view is the
/// one used (its headers), no header is squeezed, no value is cut with an ellipsis, no line is wider than the console.
/// </summary>
public sealed class FormattingTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private const string Created = "Created (UTC)";

    public static TheoryData<string, string[], int> Views()
    {
        var data = new TheoryData<string, string[], int>();
        foreach (var width in new[] { 80, 120 })
        {
            data.Add("zstack", [Created, "Status", "State", "Size", "Name"], width);
            data.Add("imagestore", [Created, "Version", "Type", "Size", "Name"], width);
            data.Add("geminidb", [Created, "Status", "Datastore", "Size", "Name"], width);
            data.Add("rds", [Created, "Status", "Type", "Size", "Name"], width);
            data.Add("vbs", ["Id", "Name"], width);
            data.Add("vbs-detailed", [Created, "Status", "Size", "Name"], width);
            data.Add("cbr", [Created, "Status", "Resource GB", "Name"], width);
            data.Add("coverage", ["Status", "SuccessAge", "Service", "ResourceName"], width);
            data.Add("database-instance", ["Service", "Status", "Datastore", "KeepDays", "Name"], width);
            data.Add("cbr-vault", ["Type", "Status", "Used", "Allocated", "Name"], width);
            data.Add("cbr-protectable", ["Status", "Size GB", "Vault", "Name"], width);
            data.Add("zstack-volume", ["Type", "Status", "Size", "Name"], width);
            data.Add("zstack-volume-backup", [Created, "Status", "Size", "Name"], width);
            data.Add("zstack-connection", ["Default", "Expires (UTC)", "AuthKind", "Identity", "Name"], width);
            data.Add("huaweicloud-connection", ["Default", "Expires (UTC)", "AuthKind", "Region", "Name"], width);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Views))]
    public void TheDefaultTableFitsWithoutCuttingAValue(string kind, string[] headers, int width)
    {
        using var ps = PowerShellSession.Start();
        ps.Run(emulator.ConnectZStackScript + "\n" + emulator.ConnectHuaweiCloudScript).Succeeded();
        var text = ps.Run($"{emulator.ListingScript(kind)} | Out-String -Width {width}").Succeeded().Text;
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();

        Assert.DoesNotContain("…", text);
        Assert.All(lines, l => Assert.True(l.Length <= width, $"a line is {l.Length} wide at {width}: '{l}'"));

        // The dashes under the header mark each column; every header must be whole above its dashes.
        var rule = lines.FindIndex(l => l.Length > 0 && Regex.IsMatch(l, @"^-+( +-+)*\s*$"));
        Assert.True(rule > 0, "no table header in:\n" + text);
        var found = Regex.Matches(lines[rule], "-+").Select(m => lines[rule - 1].PadRight(m.Index + m.Length).Substring(m.Index, m.Length).Trim()).ToArray();
        Assert.Equal(headers, found);
        Assert.True(lines.Count > rule + 1 && lines[rule + 1].Trim().Length > 0, "the table has no rows");
    }

    /// <summary>
    /// Every cell of every row of each record table holds the emulator's value of the column it stands under: a view
    /// that puts one value under another's header (Status under State, Type under Datastore) fails here.
    /// </summary>
    [Theory]
    [InlineData("zstack")]
    [InlineData("imagestore")]
    [InlineData("geminidb")]
    [InlineData("rds")]
    [InlineData("vbs")]
    [InlineData("vbs-detailed")]
    [InlineData("cbr")]
    public void EachRecordTableShowsTheEmulatorsValueUnderItsHeader(string kind)
    {
        using var ps = emulator.ConnectedSession();
        var run = ps.Run($"$r = @({emulator.ListingScript(kind)}); $r | Out-String -Width 300; $r | ForEach-Object Id").Succeeded().Objects.Select(o => o.ToString()!).ToList();
        var table = Table.Parse(run[0]);
        var ids = run.Skip(1).ToList();
        Assert.True(ids.Count >= 5, $"{kind} listed {ids.Count} records");
        Assert.Equal(ids.Count, table.Rows.Count);

        var expected = Expected(kind);
        for (var i = 0; i < ids.Count; i++)
        {
            var want = expected(ids[i]);
            Assert.Equal(want.Keys.Order(), table.Headers.Order());
            foreach (var (header, value) in want)
            {
                var cell = table.Cell(i, header);
                if (value is Bytes bytes) Assert.True(bytes.Matches(cell), $"{kind} {ids[i]}: '{cell}' under Size is not {bytes.Value} bytes");
                else Assert.True((string?)value == cell, $"{kind} {ids[i]}: '{cell}' under {header}, expected '{value}'");
            }
        }
    }

    [Fact]
    public void EachConnectionTableShowsTheConnectionsValuesUnderTheirHeaders()
    {
        using var ps = emulator.ConnectedSession();
        var zstack = Table.Parse(ps.Run("$zs | Out-String -Width 200").Succeeded().Text);
        var huawei = Table.Parse(ps.Run("$hw | Out-String -Width 200").Succeeded().Text);
        var zsExpires = ps.Run("$zs.SessionExpiresAt.UtcDateTime.ToString('yyyy-MM-dd HH:mm')").Succeeded().Objects.Single();
        var hwExpires = ps.Run("$hw.TokenExpiresAt.UtcDateTime.ToString('yyyy-MM-dd HH:mm')").Succeeded().Objects.Single();

        var zsExpected = new Dictionary<string, object> { ["Name"] = "zs", ["Default"] = "*", ["AuthKind"] = "Account", ["Identity"] = emulator.Options.ZStackAccountName, ["Expires (UTC)"] = zsExpires };
        var hwExpected = new Dictionary<string, object> { ["Name"] = "hw", ["Default"] = "*", ["Region"] = "cn-north-4", ["AuthKind"] = "Password", ["Expires (UTC)"] = hwExpires };
        Assert.Equal(zsExpected.Keys.Order(), zstack.Headers.Order());
        Assert.Equal(hwExpected.Keys.Order(), huawei.Headers.Order());
        Assert.All(zstack.Headers, h => Assert.Equal(zsExpected[h], zstack.Cell(0, h)));
        Assert.All(huawei.Headers, h => Assert.Equal(hwExpected[h], huawei.Cell(0, h)));
    }

    /// <summary>For a record id, the cell each header of its kind's table must show, from the emulator's own data.</summary>
    private Func<string, Dictionary<string, object?>> Expected(string kind)
    {
        var api = emulator.Server.HuaweiCloud;
        static string Minute(DateTimeOffset? t) => t?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "";
        static DateTimeOffset Utc(DateTime t) => new(DateTime.SpecifyKind(t, DateTimeKind.Utc));
        switch (kind)
        {
            case "zstack":
                var zstack = emulator.Server.ZStack.Backups.ToDictionary(b => b.Uuid);
                return id => new() { [Created] = Minute(zstack[id].CreateDate), ["Status"] = zstack[id].Status ?? "", ["State"] = zstack[id].State ?? "", ["Size"] = new Bytes(zstack[id].Size), ["Name"] = zstack[id].Name };
            case "imagestore":
                var images = emulator.Server.ZStack.ImageStore.Images.ToDictionary(i => i.Id);
                return id => new() { [Created] = Minute(images[id].Created), ["Version"] = images[id].Version, ["Type"] = images[id].Type, ["Size"] = new Bytes(images[id].BackupSize), ["Name"] = images[id].BackupName };
            case "geminidb":
                var gemini = api.GeminiDb.Backups.ToDictionary(b => b.Id);
                return id => new() { [Created] = Minute(gemini[id].BeginTime), ["Status"] = gemini[id].Status, ["Datastore"] = gemini[id].DatastoreType, ["Size"] = new Bytes((long)(gemini[id].Size * 1024)), ["Name"] = gemini[id].Name };
            case "rds":
                var rds = api.Rds.Backups.ToDictionary(b => b.Id);
                return id => new() { [Created] = Minute(rds[id].BeginTime), ["Status"] = rds[id].Status, ["Type"] = rds[id].Type, ["Size"] = new Bytes(rds[id].Size * 1024), ["Name"] = rds[id].Name };
            case "vbs":
                var summaries = api.Vbs.Backups.ToDictionary(b => b.Id);
                return id => new() { ["Id"] = id, ["Name"] = summaries[id].Name ?? "" };
            case "vbs-detailed":
                var vbs = api.Vbs.Backups.ToDictionary(b => b.Id);
                return id => new() { [Created] = Minute(Utc(vbs[id].CreatedAt)), ["Status"] = vbs[id].Status, ["Size"] = new Bytes(vbs[id].Size * (1L << 30)), ["Name"] = vbs[id].Name ?? "" };
            case "cbr":
                var cbr = api.Cbr.Backups.ToDictionary(b => b.Id);
                return id => new() { [Created] = Minute(Utc(cbr[id].CreatedAt)), ["Status"] = cbr[id].Status, ["Resource GB"] = cbr[id].ResourceSize.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Name"] = cbr[id].Name };
            default:
                throw new ArgumentOutOfRangeException(nameof(kind));
        }
    }

    /// <summary>A size the Size column shows in binary units with one decimal (<c>12.3 MB</c>, <c>512 B</c>).</summary>
    private sealed record Bytes(long? Value)
    {
        private static readonly string[] Units = ["B", "KB", "MB", "GB", "TB", "PB"];

        public bool Matches(string cell)
        {
            if (Value is null) return cell.Length == 0;
            var m = Regex.Match(cell, @"^(\d+(?:\.\d)?) ([KMGTP]?B)$");
            if (!m.Success) return false;
            var unit = Math.Pow(1024, Array.IndexOf(Units, m.Groups[2].Value));
            // One decimal of the unit shown: within half a tenth of it.
            return Math.Abs(double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) * unit - Value.Value) <= 0.05 * unit + 0.5;
        }
    }

    /// <summary>
    /// A table as Format-Table printed it: a column starts at the dashes under its header, except Size, which the views
    /// right-align in 9 characters (its dashes sit at its right end); it runs to the next column's start.
    /// </summary>
    private sealed class Table
    {
        private const int SizeWidth = 9;
        private readonly List<(int Start, int End)> _spans;
        private readonly List<string> _lines;

        private Table(List<string> headers, List<(int, int)> spans, List<string> lines) => (Headers, _spans, _lines) = (headers, spans, lines);

        public List<string> Headers { get; }
        public List<string> Rows => _lines;

        public static Table Parse(string text)
        {
            var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
            var rule = lines.FindIndex(l => l.Length > 0 && Regex.IsMatch(l, @"^-+( +-+)*\s*$"));
            Assert.True(rule > 0, "no table in:\n" + text);
            var dashes = Regex.Matches(lines[rule], "-+").ToList();
            var headers = dashes.Select(m => lines[rule - 1].Substring(m.Index, Math.Min(m.Length, lines[rule - 1].Length - m.Index)).Trim()).ToList();
            var starts = dashes.Select((m, i) => headers[i] == "Size" ? m.Index + m.Length - SizeWidth : m.Index).ToList();
            var spans = starts.Select((start, i) => (start, i + 1 < starts.Count ? starts[i + 1] - 1 : int.MaxValue)).ToList();
            return new Table(headers, spans, lines.Skip(rule + 1).TakeWhile(l => l.Trim().Length > 0).ToList());
        }

        public string Cell(int row, string header) => Slice(_lines[row], _spans[Headers.IndexOf(header)]);

        private static string Slice(string line, (int Start, int End) span) =>
            span.Start >= line.Length ? "" : line.Substring(span.Start, Math.Min(line.Length, span.End) - span.Start).Trim();
    }

    [Fact]
    public void CreatedAtShowsTheUtcMinuteAndNamesShowWholeAt120()
    {
        using var ps = PowerShellSession.Start();
        ps.Run(emulator.ConnectHuaweiCloudScript).Succeeded();
        var cbr = emulator.Server.HuaweiCloud.Cbr;
        var text = ps.Run("Get-CbrBackup -First 5 | Out-String -Width 120").Succeeded().Text;
        var shown = ps.Run("Get-CbrBackup -First 5 | ForEach-Object Id").Succeeded().Objects.Cast<string>().ToList();
        Assert.Equal(5, shown.Count);
        foreach (var id in shown)
        {
            var backup = cbr.Backups.Single(b => b.Id == id);
            var row = text.Split('\n').Single(l => l.Contains(" " + backup.Name + " ") || l.TrimEnd().EndsWith(" " + backup.Name));
            Assert.StartsWith(backup.CreatedAt.ToString("yyyy-MM-dd HH:mm"), row);
            Assert.Contains(backup.Status, row);
        }
    }
}
