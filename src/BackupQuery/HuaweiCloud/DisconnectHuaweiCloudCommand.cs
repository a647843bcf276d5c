using System.Management.Automation;
using BackupQuery.HuaweiCloud;
using BackupQuery.PowerShell.Infrastructure;

namespace BackupQuery.PowerShell.HuaweiCloud;

/// <summary>Forgets a Huawei Cloud connection and its token.</summary>
[Cmdlet(VerbsCommunications.Disconnect, ProviderNoun.HuaweiCloud)]
[OutputType(typeof(void))]
public sealed class DisconnectHuaweiCloudCommand : DisconnectCmdlet<HuaweiCloudConnection>
{
    [Parameter(ValueFromPipeline = true, Position = 0, HelpMessage = "The connection(s) or connection name(s) to close; default: this session's current HuaweiCloud connection.")]
    [ValidateNotNullOrEmpty]
    [ConnectionByName(typeof(HuaweiCloudConnection))]
    [ArgumentCompleter(typeof(HuaweiCloudConnectionNameCompleter))]
    public HuaweiCloudConnection[]? Connection { get; set; }

    protected override HuaweiCloudConnection[]? RequestedConnections => Connection;
}
