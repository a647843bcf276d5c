using BackupQuery.Emulator.Hosting;
using BackupQuery.PowerShell.Tests.Support;

namespace BackupQuery.PowerShell.Tests;

/// <summary>Connect-* against an https emulator whose certificate no machine trusts.</summary>
public sealed class TlsTests
{
    [Fact]
    public async Task An_untrusted_certificate_is_a_SecurityError_and_SkipCertificateCheck_holds_for_its_connection_only()
    {
        await using var server = await EmulatorFixture.StartAsync(new EmulatorOptions { ZStackCount = 3, Certificate = SelfSignedCertificate.ForLoopback() });
        using var ps = PowerShellSession.Start();
        ps.Set("zsCredential", new System.Management.Automation.PSCredential(server.Options.ZStackAccountName,
            new System.Net.NetworkCredential("", server.Options.ZStackPassword).SecurePassword));
        ps.Set("url", server.ZStackUrl.ToString());

        var strict = ps.Run("Connect-ZStack -Server $url -Credential $zsCredential -Name strict");
        var error = Assert.Single(strict.Errors.Concat(strict.Terminating is { } t ? [t] : []));
        Assert.Equal(System.Management.Automation.ErrorCategory.SecurityError, error.CategoryInfo.Category);
        Assert.Contains("-SkipCertificateCheck", error.ToString());

        var lab = ps.Run("$lab = Connect-ZStack -Server $url -Credential $zsCredential -Name lab -SkipCertificateCheck; $lab.SkipCertificateCheck; (Get-ZStackDatabaseBackup -Connection $lab).Count").Succeeded();
        Assert.Equal([true, 3], lab.Objects);

        var after = ps.Run("Connect-ZStack -Server $url -Credential $zsCredential -Name after");
        Assert.Equal(System.Management.Automation.ErrorCategory.SecurityError, Assert.Single(after.Errors.Concat(after.Terminating is { } u ? [u] : [])).CategoryInfo.Category);
    }
}
