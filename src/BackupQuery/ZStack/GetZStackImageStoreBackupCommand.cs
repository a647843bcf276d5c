using System.Management.Automation;
using System.Runtime.CompilerServices;
using BackupQuery.Connections;
using BackupQuery.Paging;
using BackupQuery.PowerShell.Infrastructure;
using BackupQuery.Records;
using BackupQuery.ZStack;

namespace BackupQuery.PowerShell.ZStack;

/// <summary>
/// Lists the database backup images on an ImageStore backup server. The management node logs in to that server over
/// SSH: the SSH password travels in the request's query string (the API's design), so use a dedicated account.
/// </summary>
[Cmdlet(VerbsCommon.Get, "ZStackImageStoreBackup", SupportsPaging = true, HelpUri = HelpLinks.Docs + "Get-ZStackImageStoreBackup.md")]
[OutputType(typeof(ZStackImageStoreBackup))]
public sealed class GetZStackImageStoreBackupCommand : ZStackListingCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, HelpMessage = "Host name or address of the ImageStore backup server.")]
    [Alias("Hostname")]
    [ValidateNotNullOrEmpty]
    public string BackupStorageHost { get; set; } = "";

    [Parameter(Mandatory = true, HelpMessage = "SSH user and password of the backup server (sent to the management node only).")]
    [Credential]
    [ValidateNotNull]
    public PSCredential SshCredential { get; set; } = null!;

    [Parameter(HelpMessage = "SSH port of the backup server (default 22).")]
    [ValidateRange(1, 65535)]
    public int SshPort { get; set; } = 22;

    [Parameter(HelpMessage = "Path of the backup storage on the server, e.g. /zstack_bs.")]
    public string? BackupStoragePath { get; set; }

    [Parameter(HelpMessage = "Image registry port of the backup server (default 8000).")]
    [ValidateRange(1, 65535)]
    public int RegistryPort { get; set; } = 8000;

    protected override string Activity => $"Scanning {BackupStorageHost} for database backups";

    private protected override async IAsyncEnumerable<object> List(ZStackConnection connection, PagingOptions paging, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // The scan's copy of the SSH password is zeroed when the listing ends or fails. The request's url value built from it
        // is a .NET string, which cannot be zeroed: it is masked in every log line and left to the collector.
        using var scan = new ImageStoreScan(BackupStorageHost, SshCredential.UserName, new SensitiveString(SshCredential.Password))
        {
            SshPort = SshPort,
            BackupStoragePath = BackupStoragePath,
            RegistryPort = RegistryPort,
        };
        await foreach (var backup in connection.GetImageStoreBackupsAsync(scan, paging, cancellationToken).ConfigureAwait(false)) yield return backup;
    }
}
