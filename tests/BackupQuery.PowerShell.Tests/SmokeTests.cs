using BackupQuery.PowerShell.Tests.Support;

namespace BackupQuery.PowerShell.Tests;

public sealed class SmokeTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public void Lists()
    {
        using var ps = PowerShellSession.Start();
        ps.Run(emulator.ConnectZStackScript).Succeeded();
        var r = ps.Run("Get-ZStackDatabaseBackup -First 3 | Out-String -Width 120; Get-ZStackDatabaseBackup | Measure-Object | % Count").Succeeded();
        Console.WriteLine(r.Text);
    }
}
