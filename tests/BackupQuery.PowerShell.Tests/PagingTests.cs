using BackupQuery.PowerShell.Tests.Support;

namespace BackupQuery.PowerShell.Tests;

/// <summary>-First, -Skip and -IncludeTotalCount on one connection, checked against the emulator's data and journal.</summary>
public sealed class PagingTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private const string Listing = "/zstack/v1/database-backups";

    private IReadOnlyDictionary<string, string>[] ListingQueries() =>
        emulator.Server.Requests.ForPath(Listing).Where(e => !e.Path.Contains("image-store")).Select(e => Query.Parse(e.RawQuery)).ToArray();

    [Fact]
    public void FirstAsksTheServerForExactlyThatMany()
    {
        using var ps = emulator.ConnectedSession();
        var uuids = ps.Run("Get-ZStackDatabaseBackup -First 5 | ForEach-Object Uuid").Succeeded().Objects;
        Assert.Equal(emulator.Server.ZStack.Backups.Take(5).Select(b => b.Uuid), uuids);
        var query = Assert.Single(ListingQueries());
        Assert.Equal("5", query["limit"]);
    }

    [Fact]
    public void SkipAndFirstSelectTheWindowOnTheServer()
    {
        using var ps = emulator.ConnectedSession();
        var uuids = ps.Run("Get-ZStackDatabaseBackup -Skip 1200 -First 450 -PageSize 200 | ForEach-Object Uuid").Succeeded().Objects;
        Assert.Equal(emulator.Server.ZStack.Backups.Skip(1200).Take(450).Select(b => b.Uuid), uuids);
        var starts = ListingQueries().Select(q => q["start"]).ToArray();
        Assert.Equal("1200", starts[0]);
    }

    [Fact]
    public void SkipBeyondTheEndWritesNothing()
    {
        using var ps = emulator.ConnectedSession();
        var result = ps.Run("Get-ZStackDatabaseBackup -Skip 100000").Succeeded();
        Assert.Empty(result.Output);
    }

    [Fact]
    public void IncludeTotalCountWritesTheServersTotalFirst()
    {
        using var ps = emulator.ConnectedSession();
        var result = ps.Run("$r = @(Get-ZStackDatabaseBackup -IncludeTotalCount -First 2); $r.Count; [double]$r[0]; \"$($r[0])\"; $r[1].GetType().Name; $r[2].GetType().Name").Succeeded();
        Assert.Equal(new object[] { 3, (double)emulator.Options.ZStackCount }, result.Objects.Take(2));
        Assert.Contains(emulator.Options.ZStackCount.ToString(), (string)result.Objects.ElementAt(2));
        Assert.Equal(["ZStackDatabaseBackup", "ZStackDatabaseBackup"], result.Objects.Skip(3));
    }

    [Fact]
    public void CbrFirstAndSkipFollowTheServersOrder()
    {
        using var ps = emulator.ConnectedSession();
        var all = ps.Run("Get-CbrBackup | ForEach-Object Id").Succeeded().Objects.Cast<string>().ToList();
        Assert.Equal(emulator.Options.CbrCount, all.Count);
        Assert.Equal(all.Count, all.Distinct().Count());
        emulator.Server.Requests.Clear();
        var window = ps.Run("Get-CbrBackup -Skip 10 -First 7 | ForEach-Object Id").Succeeded().Objects;
        Assert.Equal(all.Skip(10).Take(7), window);
        var query = Query.Parse(Assert.Single(emulator.Server.Requests.ForPath("/cbr/")).RawQuery);
        Assert.Equal(("10", "7"), (query["offset"], query["limit"]));
    }

    private PowerShellSession TwoOfEach()
    {
        var ps = emulator.ConnectedSession();
        ps.Run(emulator.ConnectZStackScript.Replace("$zs =", "$zs2 =").Replace("-Name zs", "-Name zs2")
            + "\n" + emulator.ConnectHuaweiCloudScript.Replace("$hw =", "$hw2 =").Replace("-Name hw", "-Name hw2")).Succeeded();
        return ps;
    }

    [Fact]
    public void SkipAndFirstCountAcrossConnectionsInOrder()
    {
        using var ps = TwoOfEach();
        var uuids = emulator.Server.ZStack.Backups.Select(b => b.Uuid).ToList();
        var count = uuids.Count;
        var window = ps.Run("Get-ZStackDatabaseBackup -Connection zs, zs2 -Skip ($args[0] - 100) -First 200 | ForEach-Object { '{0}|{1}' -f $_.Connection, $_.Uuid }", count)
            .Succeeded().Objects.Cast<string>().ToList();
        var expected = uuids.Skip(count - 100).Select(u => "zs|" + u).Concat(uuids.Take(100).Select(u => "zs2|" + u));
        Assert.Equal(expected, window);

        // A skip past the whole first connection goes on into the second.
        var further = ps.Run("Get-ZStackDatabaseBackup -Connection zs, zs2 -Skip ($args[0] + 10) -First 3 | ForEach-Object { '{0}|{1}' -f $_.Connection, $_.Uuid }", count)
            .Succeeded().Objects;
        Assert.Equal(uuids.Skip(10).Take(3).Select(u => "zs2|" + u), further);
    }

    [Fact]
    public void ClientSideSkipOfMarkerPagingCountsAcrossConnectionsToo()
    {
        using var ps = TwoOfEach();
        var ids = ps.Run("Get-VbsBackup -Connection hw2 | ForEach-Object Id").Succeeded().Objects.Cast<string>().ToList();
        Assert.Equal(emulator.Options.VbsCount, ids.Count);
        var window = ps.Run("Get-VbsBackup -Connection hw, hw2 -Skip ($args[0] + 50) -First 3 | ForEach-Object { '{0}|{1}' -f $_.Connection, $_.Id }", ids.Count)
            .Succeeded().Objects;
        Assert.Equal(ids.Skip(50).Take(3).Select(i => "hw2|" + i), window);
    }

    [Fact]
    public void IncludeTotalCountWritesOneTotalForAllConnectionsFirst()
    {
        using var ps = TwoOfEach();
        var result = ps.Run("""
            $r = @(Get-CbrBackup -Connection hw, hw2 -IncludeTotalCount -First 2)
            $r.Count; [double]$r[0]; $r[1].GetType().Name; $r[2].GetType().Name
            @($r | Where-Object { $_ -isnot [BackupQuery.Records.CbrBackup] }).Count
            """).Succeeded().Objects.ToList();
        Assert.Equal(new object[] { 3, 2.0 * emulator.Options.CbrCount, "CbrBackup", "CbrBackup", 1 }, result);
    }
}
