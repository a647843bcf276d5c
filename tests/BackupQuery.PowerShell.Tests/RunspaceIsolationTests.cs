using BackupQuery.PowerShell.Tests.Support;

namespace BackupQuery.PowerShell.Tests;

/// <summary>The default connection belongs to the runspace that made it: two sessions never see each other's.</summary>
public sealed class RunspaceIsolationTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public void EachRunspaceHasItsOwnDefaultConnection()
    {
        using var first = PowerShellSession.Start();
        using var second = PowerShellSession.Start();
        first.Run(emulator.ConnectZStackScript.Replace("-Name zs", "-Name first")).Succeeded();

        var notConnected = second.Run("Get-ZStackDatabaseBackup -First 1");
        Assert.StartsWith("BackupQuery.NotConnected,", notConnected.FirstError?.FullyQualifiedErrorId);

        second.Run(emulator.ConnectZStackScript.Replace("-Name zs", "-Name second")).Succeeded();
        Assert.Equal(["first"], first.Run("Get-ZStackDatabaseBackup -First 1 | ForEach-Object Connection").Succeeded().Objects);
        Assert.Equal(["second"], second.Run("Get-ZStackDatabaseBackup -First 1 | ForEach-Object Connection").Succeeded().Objects);

        // Disconnecting in one leaves the other connected.
        first.Run("Disconnect-ZStack").Succeeded();
        Assert.StartsWith("BackupQuery.NotConnected,", first.Run("Get-ZStackDatabaseBackup -First 1").FirstError?.FullyQualifiedErrorId);
        Assert.Equal(["second"], second.Run("Get-ZStackDatabaseBackup -First 1 | ForEach-Object Connection").Succeeded().Objects);
    }

    [Fact]
    public void AConnectionPassedExplicitlyWorksInAnotherRunspace()
    {
        using var owner = PowerShellSession.Start();
        using var other = PowerShellSession.Start();
        owner.Run(emulator.ConnectHuaweiCloudScript).Succeeded();
        other.Set("borrowed", owner.Get("hw"));
        Assert.Equal(["hw", "hw"], other.Run("Get-CbrBackup -Connection $borrowed -First 2 | ForEach-Object Connection").Succeeded().Objects);
        Assert.StartsWith("BackupQuery.NotConnected,", other.Run("Get-CbrBackup -First 1").FirstError?.FullyQualifiedErrorId);
    }
}
