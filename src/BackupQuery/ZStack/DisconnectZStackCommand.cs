using System.Management.Automation;
using BackupQuery.PowerShell.Infrastructure;
using BackupQuery.ZStack;

namespace BackupQuery.PowerShell.ZStack;

/// <summary>Logs the session out and forgets the connection.</summary>
[Cmdlet(VerbsCommunications.Disconnect, "ZStack")]
[OutputType(typeof(void))]
public sealed class DisconnectZStackCommand : BackupQueryCmdlet
{
    [Parameter(ValueFromPipeline = true, Position = 0, HelpMessage = "The connection to close; default: this session's current ZStack connection.")]
    public ZStackConnection[]? Connection { get; set; }

    protected override void ProcessRecord()
    {
        var connections = Connection;
        if (connections is null)
        {
            var current = RunspaceConnections.Current.DefaultOf<ZStackConnection>("ZStack");
            if (current is null) ThrowTerminatingError(ErrorRecords.NotConnected("ZStack", "Connect-ZStack"));
            connections = [current!];
        }
        foreach (var connection in connections)
        {
            RunSingle<object>($"Disconnecting {connection.Name}", connection.Name, async ct =>
            {
                await connection.DisconnectAsync(ct).ConfigureAwait(false);
                return connection;
            });
            // Forgotten even if the logout call failed: the session then simply expires.
            RunspaceConnections.Current.Remove(connection);
            connection.Dispose();
        }
    }
}
