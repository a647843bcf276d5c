using System.Management.Automation;
using BackupQuery.HuaweiCloud;
using BackupQuery.PowerShell.Infrastructure;

namespace BackupQuery.PowerShell.HuaweiCloud;

/// <summary>Lists this session's Huawei Cloud connections; IsDefault marks the one the Huawei Cloud cmdlets use.</summary>
[Cmdlet(VerbsCommon.Get, ProviderNoun.HuaweiCloud + "Connection", HelpUri = HelpLinks.Docs + "Get-" + ProviderNoun.HuaweiCloud + "Connection.md")]
[OutputType(typeof(HuaweiCloudConnection))]
public sealed class GetHuaweiCloudConnectionCommand : GetConnectionCmdlet<HuaweiCloudConnection>;
