using System.Management.Automation;
using BackupQuery.HuaweiCloud;
using BackupQuery.PowerShell.Infrastructure;

namespace BackupQuery.PowerShell.HuaweiCloud;

/// <summary>Forgets a Huawei Cloud connection and its token.</summary>
[Cmdlet(VerbsCommunications.Disconnect, "HuaweiCloud")]
[OutputType(typeof(void))]
public sealed class DisconnectHuaweiCloudCommand : DisconnectCmdlet<HuaweiCloudConnection>
{
    protected override string ProviderName => "HuaweiCloud";
    protected override string ConnectCommand => "Connect-HuaweiCloud";
    protected override Task DisconnectAsync(HuaweiCloudConnection connection, CancellationToken cancellationToken) => connection.DisconnectAsync(cancellationToken);
}
