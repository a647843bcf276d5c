using BackupQuery.HuaweiCloud;
using BackupQuery.PowerShell.Infrastructure;

namespace BackupQuery.PowerShell.HuaweiCloud;

/// <summary>Base of the Huawei Cloud Get-* cmdlets.</summary>
public abstract class HuaweiCloudListingCmdlet : BackupListingCmdlet<HuaweiCloudConnection>
{
    protected override string ProviderName => "HuaweiCloud";
    protected override string ConnectCommand => "Connect-HuaweiCloud";
}
