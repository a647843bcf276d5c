using System.Management.Automation;

namespace BackupQuery.PowerShell.Infrastructure;

/// <summary>
/// Fails <c>-Credential $null</c> with an error instead of the prompt [Credential] would show (about_BackupQuery promises
/// none). Declared before [Credential], so it sees the value first; a user name alone still prompts for its password.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class CredentialNotNullAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData) =>
        inputData is null
            ? throw new ArgumentTransformationMetadataException(
                "-Credential is $null: pass a PSCredential, for example (Get-Credential) or [pscredential]::new('name', $securePassword). In a script, check the variable you pass.")
            : inputData;
}
