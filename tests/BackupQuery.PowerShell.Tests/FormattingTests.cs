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
            data.Add("cbr", [Created, "Status", "Size", "Name"], width);
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
