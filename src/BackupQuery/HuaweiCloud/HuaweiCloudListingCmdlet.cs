using System.Management.Automation;
using BackupQuery.HuaweiCloud;
using BackupQuery.PowerShell.Infrastructure;

namespace BackupQuery.PowerShell.HuaweiCloud;

/// <summary>Base of the Huawei Cloud Get-* cmdlets: their -Connection, by object or by name.</summary>
public abstract class HuaweiCloudListingCmdlet : BackupListingCmdlet<HuaweiCloudConnection>
{
    [Parameter(HelpMessage = "Connection(s) or connection name(s) to query; default: this session's last Connect-HuaweiCloud.")]
    [ValidateNotNullOrEmpty]
    [ConnectionByName(typeof(HuaweiCloudConnection))]
    [ArgumentCompleter(typeof(HuaweiCloudConnectionNameCompleter))]
    public HuaweiCloudConnection[]? Connection { get; set; }

    protected override HuaweiCloudConnection[]? RequestedConnections => Connection;
}
