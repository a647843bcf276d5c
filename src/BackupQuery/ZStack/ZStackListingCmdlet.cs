using System.Management.Automation;
using BackupQuery.PowerShell.Infrastructure;
using BackupQuery.ZStack;

namespace BackupQuery.PowerShell.ZStack;

/// <summary>Base of the ZStack Get-* cmdlets: their -Connection, by object or by name.</summary>
public abstract class ZStackListingCmdlet : BackupListingCmdlet<ZStackConnection>
{
    [Parameter(HelpMessage = "Connection(s) or connection name(s) to query; default: this session's last Connect-ZStack.")]
    [ValidateNotNullOrEmpty]
    [ConnectionByName(typeof(ZStackConnection))]
    [ArgumentCompleter(typeof(ZStackConnectionNameCompleter))]
    public ZStackConnection[]? Connection { get; set; }

    protected override ZStackConnection[]? RequestedConnections => Connection;
}
