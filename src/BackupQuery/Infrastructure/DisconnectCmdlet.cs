using System.Management.Automation;
using BackupQuery.Connections;

namespace BackupQuery.PowerShell.Infrastructure;

/// <summary>Base of the Disconnect-* cmdlets: logs out where the provider has a session, then forgets the connection.</summary>
public abstract class DisconnectCmdlet<TConnection> : BackupQueryCmdlet where TConnection : class, IBackupConnection, IDisposable
{
    /// <summary>The -Connection the caller gave (declared by each provider's cmdlet, with its name completion), or null.</summary>
    protected abstract TConnection[]? RequestedConnections { get; }

    protected abstract Task DisconnectAsync(TConnection connection, CancellationToken cancellationToken);

    protected override void ProcessRecord()
    {
        foreach (var connection in ResolveConnections(RequestedConnections))
        {
            RunSingle<object>($"Disconnecting {connection.Name}", connection.Name, async ct =>
            {
                await DisconnectAsync(connection, ct).ConfigureAwait(false);
                return connection;
            });
            // Forgotten even if the logout call failed: the session then simply expires.
            RunspaceConnections.Current.Remove(connection);
            connection.Dispose();
        }
    }
}
