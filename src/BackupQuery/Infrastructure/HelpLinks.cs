namespace BackupQuery.PowerShell.Infrastructure;

/// <summary>
/// Where <c>Get-Help -Online</c> goes: each cmdlet's page in docs/ on the project site (the manifest's ProjectUri; a test
/// holds the two together). Constants, because HelpUri is an attribute argument.
/// </summary>
internal static class HelpLinks
{
    public const string ProjectUri = "https://github.com/backupquery/BackupQuery";

    /// <summary>The docs folder; a cmdlet's page is its name plus <c>.md</c>.</summary>
    public const string Docs = ProjectUri + "/blob/main/docs/";
}
