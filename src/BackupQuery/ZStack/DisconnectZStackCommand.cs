using System.Management.Automation;
using BackupQuery.ZStack;
using BackupQuery.PowerShell.Infrastructure;

namespace BackupQuery.PowerShell.ZStack;

/// <summary>Logs the ZStack session out (sessions are capped per user) and forgets the connection.</summary>
[Cmdlet(VerbsCommunications.Disconnect, ProviderNoun.ZStack)]
[OutputType(typeof(void))]
public sealed class DisconnectZStackCommand : DisconnectCmdlet<ZStackConnection>
{
    [Parameter(ValueFromPipeline = true, Position = 0, HelpMessage = "The connection(s) or connection name(s) to close; default: this session's current ZStack connection.")]
    [ValidateNotNullOrEmpty]
    [ConnectionByName(typeof(ZStackConnection))]
    [ArgumentCompleter(typeof(ZStackConnectionNameCompleter))]
    public ZStackConnection[]? Connection { get; set; }

    protected override ZStackConnection[]? RequestedConnections => Connection;
}
