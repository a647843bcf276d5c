using System.Management.Automation;
using BackupQuery.Connections;

namespace BackupQuery.PowerShell.Infrastructure;

/// <summary>
/// Base of the Disconnect-* cmdlets: logs out where the provider has a session, then forgets the connection. A logout
/// that fails (the server is down) is a warning, not an error: the connection is forgotten all the same.
/// </summary>
public abstract class DisconnectCmdlet<TConnection> : BackupQueryCmdlet where TConnection : BackupConnection
{
    /// <summary>The -Connection the caller gave (declared by each provider's cmdlet, with its name completion), or null.</summary>
    protected abstract TConnection[]? RequestedConnections { get; }

    protected override void ProcessRecord()
    {
        foreach (var connection in ResolveConnections(RequestedConnections))
        {
            Exception? failure = null;
            RunSingle<object>($"Disconnecting {connection.Name}", connection.Name, async ct =>
            {
                try
                {
                    await connection.DisconnectAsync(ct).ConfigureAwait(false);
                }
                catch (Exception e) when (!ct.IsCancellationRequested)
                {
                    failure = e;
                }
                return connection;
            });
            RunspaceConnections.Current.Remove(connection);
            connection.Dispose();
            if (failure is not null)
            {
                WriteWarning($"The {connection.Provider} session of '{connection.Name}' could not be logged out ({failure.Message}); the connection was forgotten here all the same, and the session ends on the server when it expires.");
            }
        }
    }
}
