using System.Management.Automation;
using BackupQuery.PowerShell.Tests.Support;

namespace BackupQuery.PowerShell.Tests;

/// <summary>
/// The laid-out manifest (out/BackupQuery/BackupQuery.psd1) as PowerShell reads it through Test-ModuleManifest: clean,
/// with the gallery metadata PSResourceGet puts in the package, and exporting what the module really has.
/// </summary>
public sealed class ModuleManifestTests
{
    private const string ProjectUri = "https://github.com/backupquery/BackupQuery";

    private static readonly string[] Tags =
    [
        "Backup", "ZStack", "HuaweiCloud", "CBR", "VBS", "RDS", "GeminiDB", "Inventory",
        "PSEdition_Core", "PSEdition_Desktop", "Windows", "Linux", "MacOS",
    ];

    /// <summary>Test-ModuleManifest on the laid-out manifest, the fields under test as plain values.</summary>
    private static PSObject Manifest(PowerShellSession ps) => ps.Run("""
        $m = Test-ModuleManifest -Path $args[0] -ErrorAction Stop
        [pscustomobject]@{
            Version      = $m.Version.ToString()
            Editions     = @($m.CompatiblePSEditions)
            Tags         = @($m.PrivateData.PSData.Tags)
            ProjectUri   = [string]$m.ProjectUri
            LicenseUri   = [string]$m.LicenseUri
            ReleaseNotes = [string]$m.ReleaseNotes
            Cmdlets      = @($m.ExportedCmdlets.Keys | Sort-Object)
        }
        """, TestPaths.ModuleManifest).Succeeded().Output.Single();

    private static string[] Strings(PSObject o, string name) => ((object[])o.Properties[name].Value).Select(v => v.ToString()!).ToArray();

    private static string Text(PSObject o, string name) => o.Properties[name].Value.ToString()!;

    [Fact]
    public void TestModuleManifestReportsNoErrorAndNoWarning()
    {
        using var ps = PowerShellSession.Start();
        var result = ps.Run("Test-ModuleManifest -Path $args[0] | Out-Null", TestPaths.ModuleManifest);
        Assert.Null(result.FirstError);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void PSDataHasTheTagsProjectUriAndLicenseUri()
    {
        using var ps = PowerShellSession.Start();
        var manifest = Manifest(ps);
        Assert.Equal(TestPaths.ModuleVersion, Text(manifest, "Version"));
        Assert.Equal(Tags, Strings(manifest, "Tags"));
        Assert.Equal(ProjectUri, Text(manifest, "ProjectUri"));
        Assert.Equal(ProjectUri + "/blob/main/LICENSE", Text(manifest, "LicenseUri"));
        Assert.Equal(["Core", "Desktop"], Strings(manifest, "Editions"));
    }

    /// <summary>ReleaseNotes are this version's CHANGELOG.md section, line for line: the changelog is their one source.</summary>
    [Fact]
    public void ReleaseNotesAreThisVersionsChangelogSection()
    {
        using var ps = PowerShellSession.Start();
        var notes = Text(Manifest(ps), "ReleaseNotes").Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var changelog = File.ReadAllLines(Path.Combine(TestPaths.RepositoryRoot, "CHANGELOG.md"));

        var heading = Array.FindIndex(changelog, l => l.StartsWith($"## [{TestPaths.ModuleVersion}]", StringComparison.Ordinal));
        Assert.True(heading >= 0, $"CHANGELOG.md has no section for {TestPaths.ModuleVersion}.");
        Assert.Equal(changelog[heading].Replace("## [", "").Replace("]", ""), notes[0]);
        var section = changelog.Skip(heading + 1).TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal)).Where(l => !l.StartsWith('[')).ToList();
        Assert.Equal(string.Join("\n", section).Trim(), string.Join("\n", notes.Skip(1)).Trim());
        Assert.Contains(notes, l => l.StartsWith("- ", StringComparison.Ordinal));
    }

    [Fact]
    public void ExportedCmdletsAreTheCommandsTheModuleHas()
    {
        using var ps = PowerShellSession.Start();
        var declared = Strings(Manifest(ps), "Cmdlets");
        var imported = ps.Run("(Get-Command -Module BackupQuery -CommandType Cmdlet).Name | Sort-Object").Succeeded().Objects.Cast<string>();
        Assert.Contains("Get-CbrBackup", declared);
        Assert.Equal(declared, imported);
    }

    [Fact]
    public void TheModuleFolderCarriesTheLicenseAndTheRepositoryTheChangelog()
    {
        var license = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "LICENSE"));
        Assert.StartsWith("MIT License", license);
        Assert.Contains("Copyright (c) 2026 BackupQuery contributors", license);
        Assert.Equal(license, File.ReadAllText(Path.Combine(Path.GetDirectoryName(ModuleLayout.EnsureBuilt())!, "LICENSE")));
        Assert.Contains("## [Unreleased]", File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "CHANGELOG.md")));
    }
}
