using BackupQuery.Connections;
using BackupQuery.Http;

namespace BackupQuery.ZStack;

/// <summary>
/// Where Get-ZStackImageStoreBackup looks: an ImageStore backup server reached over SSH by the management node. The SSH
/// password travels inside the <c>url</c> query value (spec §7), so it is held as a secret and masked in every log line.
/// </summary>
internal sealed class ImageStoreScan : IDisposable
{
    public ImageStoreScan(string host, string user, SensitiveString password)
    {
        if (string.IsNullOrWhiteSpace(host)) throw new BackupQueryException("-BackupStorageHost is empty.", ApiErrorKind.InvalidArgument);
        if (string.IsNullOrWhiteSpace(user)) throw new BackupQueryException("The SSH credential has no user name.", ApiErrorKind.InvalidArgument);
        Host = host.Trim();
        User = user;
        Password = password;
    }

    public string Host { get; }
    public string User { get; }
    internal SensitiveString Password { get; }
    public int SshPort { get; init; } = 22;
    public string? BackupStoragePath { get; init; }
    public int RegistryPort { get; init; } = 8000;

    /// <summary>Clears the SSH password from memory; the cmdlet calls this when its listing ends.</summary>
    public void Dispose() => Password.Dispose();

    /// <summary><c>ssh://user:password@host:port/path</c> with user and password percent-encoded; the pipeline encodes it once more as a query value.</summary>
    internal string BuildUrl()
    {
        var host = Host.IndexOf(':') >= 0 && !Host.StartsWith("[", StringComparison.Ordinal) ? "[" + Host + "]" : Host;
        var path = string.Join("/", (BackupStoragePath ?? "").Split(['/'], StringSplitOptions.RemoveEmptyEntries).Select(UriEncoding.Encode));
        return Password.Use(p => $"ssh://{UriEncoding.Encode(User)}:{UriEncoding.Encode(p)}@{host}:{SshPort}/{path}");
    }
}
