using System.Management.Automation;
using BackupQuery.PowerShell.Infrastructure;
using BackupQuery.ZStack;

namespace BackupQuery.PowerShell.ZStack;

/// <summary>Logs the ZStack session out (sessions are capped per user) and forgets the connection.</summary>
[Cmdlet(VerbsCommunications.Disconnect, "ZStack")]
[OutputType(typeof(void))]
public sealed class DisconnectZStackCommand : DisconnectCmdlet<ZStackConnection>
{
    protected override string ProviderName => "ZStack";
    protected override string ConnectCommand => "Connect-ZStack";
    protected override Task DisconnectAsync(ZStackConnection connection, CancellationToken cancellationToken) => connection.DisconnectAsync(cancellationToken);
}
