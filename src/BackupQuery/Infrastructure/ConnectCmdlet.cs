using System.Management.Automation;
using System.Net;
using BackupQuery.Connections;
using BackupQuery.Http;

namespace BackupQuery.PowerShell.Infrastructure;

/// <summary>Base of the Connect-* cmdlets: the transport parameters every provider shares, and registering the result as the runspace default.</summary>
public abstract class ConnectCmdlet : BackupQueryCmdlet
{
    [Parameter(HelpMessage = "A name for the connection (shown on every record it returns); default: provider and host.")]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    [Parameter(HelpMessage = "Accept any TLS certificate on this connection only (self-signed lab endpoints).")]
    public SwitchParameter SkipCertificateCheck { get; set; }

    [Parameter(HelpMessage = "Seconds to wait for each HTTP reply (default 100).")]
    [ValidateRange(1, 3600)]
    public int TimeoutSec { get; set; } = 100;

    [Parameter(HelpMessage = "A proxy to use instead of the system proxy.")]
    public Uri? Proxy { get; set; }

    [Parameter(HelpMessage = "Credential for -Proxy.")]
    [Credential]
    public PSCredential? ProxyCredential { get; set; }

    [Parameter(HelpMessage = "Connect directly, ignoring the system proxy.")]
    public SwitchParameter NoProxy { get; set; }

    [Parameter(HelpMessage = "Requests in flight at most on this connection, shared by every listing on it (default 8; 1 = one page at a time). Lowered while the server throttles, regrown after.")]
    [ValidateRange(1, HttpClientFactory.MaxConnectionsPerServer)]
    public int MaxConcurrency { get; set; } = ConcurrencyLimit.DefaultMaximum;

    [Parameter(HelpMessage = "Retries of a request on its own (sign-in, logout) after a transient failure, and renewals with no progress, 0 to 10 (default 3); 0 turns retries off. Listings retry while they make progress.")]
    [ValidateRange(0, 10)]
    public int MaximumRetryCount { get; set; } = RetryPolicy.Default.MaxAttempts - 1;

    [Parameter(HelpMessage = "Seconds a listing (or a request on its own) may go without progress before it gives up, attempts and waits included, 1 to 3600 (default 120).")]
    [ValidateRange(1, 3600)]
    public int MaximumRetryWaitSec { get; set; } = (int)RetryPolicy.Default.MaxTotalWait.TotalSeconds;

    /// <summary>The retry bounds the caller chose, for this connection.</summary>
    private protected RetryPolicy Retry => new() { MaxAttempts = MaximumRetryCount + 1, MaxTotalWait = TimeSpan.FromSeconds(MaximumRetryWaitSec) };

    private protected TransportOptions Transport => new()
    {
        Timeout = TimeSpan.FromSeconds(TimeoutSec),
        SkipCertificateCheck = SkipCertificateCheck,
        Proxy = Proxy,
        ProxyCredential = ProxyCredential is null ? null : new NetworkCredential(ProxyCredential.UserName, ProxyCredential.Password),
        NoProxy = NoProxy,
    };

    private protected static SensitiveString Secret(System.Security.SecureString value) => new(value);

    /// <summary>Warns, once, that the user names and passwords inside <paramref name="urls"/> are dropped (neither provider signs in with them).</summary>
    protected void WarnOfUserInfo(string parameter, IEnumerable<string?> urls)
    {
        var shown = urls.Where(EndpointUrl.HasUserInfo).Select(u => $"'{EndpointUrl.Redact(u)}'").ToList();
        if (shown.Count == 0) return;
        WriteWarning($"{parameter} {string.Join(", ", shown)} {(shown.Count == 1 ? "holds" : "hold")} a user name or password: removed from the address and not used. {MyInvocation.MyCommand.Name} signs in with its own credential parameters.");
    }

    /// <summary>Connects, makes the connection this runspace's default for its provider, and writes it.</summary>
    protected void Connect<T>(string target, Func<CancellationToken, Task<T>> connect) where T : class, IBackupConnection =>
        ConnectAll([(target, connect)]);

    /// <summary>
    /// Connects to every target at once; writes each connection that succeeded, in the targets' order (the last one
    /// becomes the runspace default), and an error for each that failed.
    /// </summary>
    protected void ConnectAll<T>(IReadOnlyList<(string Target, Func<CancellationToken, Task<T>> Connect)> targets) where T : class, IBackupConnection
    {
        if (Proxy is not null && NoProxy) ThrowTerminatingError(new ErrorRecord(new ArgumentException("-Proxy and -NoProxy cannot be used together."), "BackupQuery.ProxyConflict", ErrorCategory.InvalidArgument, Proxy));
        if (targets.Count == 1)
        {
            Register(RunSingle($"Connecting to {targets[0].Target}", targets[0].Target, targets[0].Connect));
            return;
        }
        var outcomes = RunSingle($"Connecting to {string.Join(", ", targets.Select(t => t.Target))}", targets[0].Target,
            ct => Task.WhenAll(targets.Select(t => Attempt(t.Connect, ct))));
        if (outcomes is null) return;
        for (var i = 0; i < targets.Count; i++)
        {
            if (outcomes[i].Failure is { } failure) ReportFailure(failure, targets[i].Target, 0);
            else Register(outcomes[i].Connection);
        }
    }

    private void Register<T>(T? connection) where T : class, IBackupConnection
    {
        if (connection is null) return;
        RunspaceConnections.Current.Add(connection);
        WriteObject(connection);
    }

    private static async Task<(T? Connection, Exception? Failure)> Attempt<T>(Func<CancellationToken, Task<T>> connect, CancellationToken cancellationToken) where T : class
    {
        try
        {
            return (await connect(cancellationToken).ConfigureAwait(false), null);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return (null, e);
        }
    }
}
