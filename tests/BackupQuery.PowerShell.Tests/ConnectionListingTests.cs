using System.Management.Automation;
using BackupQuery.PowerShell.Tests.Support;

namespace BackupQuery.PowerShell.Tests;

/// <summary>Get-*Connection, -Connection by name (binding and Tab), and the default marked.</summary>
public sealed class ConnectionListingTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private PowerShellSession ThreeZStackConnections()
    {
        var ps = PowerShellSession.Start();
        foreach (var name in new[] { "prod-a", "prod-b", "lab" })
        {
            ps.Run(emulator.ConnectZStackScript.Replace("-Name zs", $"-Name {name}")).Succeeded();
        }
        ps.Run(emulator.ConnectHuaweiCloudScript).Succeeded();
        return ps;
    }

    [Fact]
    public void ListsThisRunspacesConnectionsOldestFirstWithTheDefaultMarked()
    {
        using var ps = ThreeZStackConnections();
        var rows = ps.Run("Get-ZStackConnection | ForEach-Object { '{0}|{1}' -f $_.Name, $_.IsDefault }").Succeeded().Objects;
        Assert.Equal(["prod-a|False", "prod-b|False", "lab|True"], rows);
        Assert.Equal(["hw|True"], ps.Run("Get-HuaweiCloudConnection | ForEach-Object { '{0}|{1}' -f $_.Name, $_.IsDefault }").Succeeded().Objects);
        var table = ps.Run("Get-ZStackConnection | Out-String -Width 80").Succeeded().Text;
        // Name is the last column (it takes the rest of the width); the marker is in the first.
        var labRow = table.Split('\n').Single(l => l.TrimEnd().EndsWith(" lab"));
        Assert.StartsWith("*", labRow.TrimStart());
        Assert.DoesNotContain("*", table.Split('\n').Single(l => l.TrimEnd().EndsWith(" prod-a")));
    }

    [Fact]
    public void NameTakesWildcardsAndAnUnknownExactNameIsObjectNotFound()
    {
        using var ps = ThreeZStackConnections();
        Assert.Equal(["prod-a", "prod-b"], ps.Run("Get-ZStackConnection -Name prod* | ForEach-Object Name").Succeeded().Objects);
        var none = ps.Run("Get-ZStackConnection -Name staging*");
        Assert.Empty(none.Output);
        Assert.Empty(none.Errors);
        var missing = ps.Run("Get-ZStackConnection -Name staging, lab | ForEach-Object Name");
        Assert.Equal(["lab"], missing.Objects);
        var error = Assert.Single(missing.Errors);
        Assert.Equal("BackupQuery.ConnectionNotFound,BackupQuery.PowerShell.ZStack.GetZStackConnectionCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.IsType<ItemNotFoundException>(error.Exception);
        Assert.Contains("'staging'", error.ToString());
        // A Huawei Cloud name is not a ZStack connection.
        Assert.Single(ps.Run("Get-ZStackConnection -Name hw").Errors);
    }

    [Fact]
    public void ConnectionTakesNamesAndWildcardsAndRejectsAnUnknownOne()
    {
        using var ps = ThreeZStackConnections();
        var stamped = ps.Run("Get-ZStackDatabaseBackup -Connection prod-b, lab -First 4 | ForEach-Object Connection").Succeeded().Objects;
        Assert.Equal(["prod-b", "prod-b", "prod-b", "prod-b"], stamped);
        var both = ps.Run("Get-ZStackDatabaseBackup -Connection prod* -Uuid $args[0] | ForEach-Object Connection", emulator.Server.ZStack.Backups[9].Uuid).Succeeded().Objects;
        Assert.Equal(["prod-a", "prod-b"], both);

        var unknown = ps.Run("Get-ZStackDatabaseBackup -Connection nowhere -First 1");
        Assert.Empty(unknown.Output);
        Assert.StartsWith("ParameterArgumentTransformationError,", unknown.FirstError?.FullyQualifiedErrorId);
        Assert.Contains("no ZStack connection named 'nowhere'", unknown.FirstError!.ToString());
        Assert.Contains("Get-ZStackConnection", unknown.FirstError.ToString());
        // A name of the other provider does not bind either.
        Assert.Contains("named 'hw'", ps.Run("Get-ZStackDatabaseBackup -Connection hw -First 1").FirstError?.ToString());
    }

    [Fact]
    public void NamesMatchInAnyCaseAsPowerShellNamesDo()
    {
        using var ps = ThreeZStackConnections();
        Assert.Equal(["prod-a", "prod-b"], ps.Run("Get-ZStackConnection -Name PROD* | ForEach-Object Name").Succeeded().Objects);
        Assert.Equal(["lab"], ps.Run("Get-ZStackConnection -Name LaB | ForEach-Object Name").Succeeded().Objects);
        var stamped = ps.Run("Get-ZStackDatabaseBackup -Connection Prod-B, LAB -First 2 | ForEach-Object Connection").Succeeded().Objects;
        Assert.Equal(["prod-b", "prod-b"], stamped);
        var wildcard = ps.Run("Get-ZStackDatabaseBackup -Connection PROD-* -Uuid $args[0] | ForEach-Object Connection", emulator.Server.ZStack.Backups[9].Uuid).Succeeded().Objects;
        Assert.Equal(["prod-a", "prod-b"], wildcard);
        ps.Run("Disconnect-ZStack -Connection Prod-A").Succeeded();
        Assert.Equal(["prod-b", "lab"], ps.Run("Get-ZStackConnection | ForEach-Object Name").Succeeded().Objects);
    }

    [Fact]
    public void DisconnectingTheDefaultWithTwoOthersLeftMakesTheNewestRemainingOneTheDefault()
    {
        using var ps = ThreeZStackConnections();
        ps.Run("Disconnect-ZStack").Succeeded();
        Assert.Equal(["prod-a|False", "prod-b|True"], ps.Run("Get-ZStackConnection | ForEach-Object { '{0}|{1}' -f $_.Name, $_.IsDefault }").Succeeded().Objects);
        // The new default is the one a listing without -Connection uses.
        Assert.Equal(["prod-b"], ps.Run("Get-ZStackDatabaseBackup -First 1 | ForEach-Object Connection").Succeeded().Objects);
    }

    [Fact]
    public void ConnectingAgainUnderATakenNameReplacesTheEarlierConnection()
    {
        using var ps = ThreeZStackConnections();
        ps.Run(emulator.ConnectZStackScript.Replace("-Name zs", "-Name prod-a")).Succeeded();
        Assert.Equal(["prod-b|False", "lab|False", "prod-a|True"], ps.Run("Get-ZStackConnection | ForEach-Object { '{0}|{1}' -f $_.Name, $_.IsDefault }").Succeeded().Objects);
    }

    [Fact]
    public void DisconnectTakesNamesFromThePipeline()
    {
        using var ps = ThreeZStackConnections();
        ps.Run("'prod-a', 'lab' | Disconnect-ZStack").Succeeded();
        Assert.Equal(["prod-b|True"], ps.Run("Get-ZStackConnection | ForEach-Object { '{0}|{1}' -f $_.Name, $_.IsDefault }").Succeeded().Objects);
    }

    [Theory]
    [InlineData("Get-ZStackDatabaseBackup -Connection pr", new[] { "prod-a", "prod-b" })]
    [InlineData("Get-ZStackDatabaseBackup -Connection ", new[] { "prod-a", "prod-b", "lab" })]
    [InlineData("Disconnect-ZStack -Connection l", new[] { "lab" })]
    [InlineData("Get-CbrBackup -Connection ", new[] { "hw" })]
    [InlineData("Disconnect-HuaweiCloud ", new[] { "hw" })]
    public void TabCompletesTheNamesOfThisRunspacesConnectionsOfThatProvider(string line, string[] expected)
    {
        using var ps = ThreeZStackConnections();
        var matches = ps.Run("(TabExpansion2 -inputScript $args[0] -cursorColumn $args[0].Length).CompletionMatches | ForEach-Object CompletionText", line)
            .Succeeded().Objects;
        Assert.Equal(expected, matches);
    }

    [Fact]
    public void IsDefaultIsReadInTheRunspaceThatShowsIt()
    {
        using var owner = ThreeZStackConnections();
        using var other = PowerShellSession.Start();
        other.Set("borrowed", owner.Get("zs"));
        Assert.Equal([false], other.Run("$borrowed.IsDefault").Succeeded().Objects);
        Assert.Equal([true], owner.Run("(Get-ZStackConnection -Name lab).IsDefault").Succeeded().Objects);
    }
}
