using BackupQuery.Connections;
using BackupQuery.Core.Tests.Support;
using BackupQuery.Emulator.Hosting;
using BackupQuery.Http;
using BackupQuery.ZStack;

namespace BackupQuery.Core.Tests.Reliability;

/// <summary>
/// The emulator on https with a certificate made here, which no machine trusts: a connection fails as a security
/// error that suggests -SkipCertificateCheck; with the switch it works; the switch belongs to that connection only.
/// </summary>
public sealed class TlsTests
{
    private static ZStackConnectOptions Options(EmulatorServer server, bool skip) => new()
    {
        Server = server.ZStackUrl.ToString(),
        Credential = new ZStackCredential.Account(server.Options.ZStackAccountName, SensitiveString.FromPlainText(server.Options.ZStackPassword)),
        Name = skip ? "lab" : "strict",
        Transport = new TransportOptions { SkipCertificateCheck = skip },
    };

    [Fact]
    public async Task An_untrusted_certificate_is_a_security_error_and_the_switch_is_per_connection()
    {
        await using var server = await TestEmulator.StartServerAsync(new EmulatorOptions { ZStackCount = 3, Certificate = SelfSignedCertificate.ForLoopback() });
        Assert.Equal("https", server.BaseAddress.Scheme);

        var refused = await Assert.ThrowsAsync<ApiException>(() => ZStackConnection.ConnectAsync(Options(server, skip: false), CancellationToken.None));
        Assert.Equal(ApiErrorKind.Security, refused.Kind);
        Assert.Contains("-SkipCertificateCheck", refused.Message);

        using var lab = await ZStackConnection.ConnectAsync(Options(server, skip: true), CancellationToken.None);
        Assert.True(lab.SkipCertificateCheck);
        var records = new List<BackupQuery.Records.ZStackDatabaseBackup>();
        await foreach (var r in lab.GetDatabaseBackupsAsync(new ZStackDatabaseBackupQuery(), new BackupQuery.Paging.PagingOptions(), CancellationToken.None)) records.Add(r);
        Assert.Equal(3, records.Count);

        // Skipping the check for one connection trusts nothing for the next.
        var again = await Assert.ThrowsAsync<ApiException>(() => ZStackConnection.ConnectAsync(Options(server, skip: false), CancellationToken.None));
        Assert.Equal(ApiErrorKind.Security, again.Kind);
    }
}
