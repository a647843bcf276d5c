using BackupQuery.PowerShell.Infrastructure;
using BackupQuery.ZStack;

namespace BackupQuery.PowerShell.ZStack;

/// <summary>Base of the ZStack Get-* cmdlets.</summary>
public abstract class ZStackListingCmdlet : BackupListingCmdlet<ZStackConnection>
{
    protected override string ProviderName => "ZStack";
    protected override string ConnectCommand => "Connect-ZStack";
}
