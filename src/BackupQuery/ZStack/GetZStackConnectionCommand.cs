using System.Management.Automation;
using BackupQuery.PowerShell.Infrastructure;
using BackupQuery.ZStack;

namespace BackupQuery.PowerShell.ZStack;

/// <summary>Lists this session's ZStack connections; IsDefault marks the one the ZStack cmdlets use.</summary>
[Cmdlet(VerbsCommon.Get, ProviderNoun.ZStack + "Connection", HelpUri = HelpLinks.Docs + "Get-" + ProviderNoun.ZStack + "Connection.md")]
[OutputType(typeof(ZStackConnection))]
public sealed class GetZStackConnectionCommand : GetConnectionCmdlet<ZStackConnection>;
