using System.Text.RegularExpressions;

namespace BackupQuery.Module.Tests;

/// <summary>BackupQuery.psd1 against the built assembly: exports exactly the cmdlets that exist, and names files that exist.</summary>
public sealed class ManifestTests
{
    private static readonly string Manifest = File.ReadAllText(Path.Combine(ModuleUnderTest.RepositoryRoot, "BackupQuery.psd1"));

    /// <summary>The quoted strings of <c>Key = @( ... )</c> or <c>Key = '...'</c> in the manifest.</summary>
    internal static IReadOnlyList<string> Values(string manifest, string key)
    {
        var match = Regex.Match(manifest, $@"^\s*{key}\s*=\s*(?:@\((?<list>[^)]*)\)|(?<list>'[^']*'|""[^""]*""))", RegexOptions.Multiline | RegexOptions.IgnoreCase);
        if (!match.Success) return [];
        var body = Regex.Replace(match.Groups["list"].Value, "#.*$", "", RegexOptions.Multiline);
        return Regex.Matches(body, @"'(?<v>[^']*)'|""(?<v>[^""]*)""").Select(m => m.Groups["v"].Value).ToList();
    }

    [Fact]
    public void ExportsExactlyTheCmdletsThatExist()
    {
        var exported = Values(Manifest, "CmdletsToExport").OrderBy(n => n, StringComparer.Ordinal).ToList();
        var existing = ModuleUnderTest.AllCmdlets.Select(c => c.Name).OrderBy(n => n, StringComparer.Ordinal).ToList();
        Assert.DoesNotContain(exported, n => n.Contains('*'));
        Assert.True(existing.SequenceEqual(exported),
            $"CmdletsToExport and the assembly differ.\n  exported, not in the assembly: {string.Join(", ", exported.Except(existing))}\n  in the assembly, not exported: {string.Join(", ", existing.Except(exported))}");
    }

    [Fact]
    public void ExportsNoFunctionsVariablesOrAliasesByWildcard()
    {
        foreach (var key in new[] { "FunctionsToExport", "VariablesToExport", "AliasesToExport" })
        {
            Assert.Matches(new Regex($@"^\s*{key}\s*=", RegexOptions.Multiline), Manifest);
            Assert.DoesNotContain(Values(Manifest, key), v => v.Contains('*'));
        }
    }

    [Fact]
    public void RootModuleIsTheCmdletAssembly() => Assert.Equal(["BackupQuery.dll"], Values(Manifest, "RootModule"));

    [Fact]
    public void LoadsInBothEditions()
    {
        var editions = Values(Manifest, "CompatiblePSEditions");
        Assert.Contains("Core", editions);
        Assert.Contains("Desktop", editions);
        Assert.Equal(["5.1"], Values(Manifest, "PowerShellVersion"));
    }

    [Fact]
    public void FormatsToProcessExist()
    {
        var formats = Values(Manifest, "FormatsToProcess");
        Assert.NotEmpty(formats);
        foreach (var file in formats) Assert.True(File.Exists(Path.Combine(ModuleUnderTest.RepositoryRoot, file)), $"FormatsToProcess names {file}, which is not in the repository root.");
    }

    [Fact]
    public void ModuleVersionIsAVersion() =>
        Assert.Matches(@"^\d+\.\d+\.\d+$", Assert.Single(Values(Manifest, "ModuleVersion")));

    [Fact]
    public void TheParserReadsListsAndScalars()
    {
        const string sample = "@{\n RootModule = 'A.dll'\n CmdletsToExport = @(\n  'Get-A' # a comment with 'quotes'\n  \"Set-B\", 'New-C'\n )\n}";
        Assert.Equal(["Get-A", "Set-B", "New-C"], Values(sample, "CmdletsToExport"));
        Assert.Equal(["A.dll"], Values(sample, "RootModule"));
        Assert.Empty(Values(sample, "FunctionsToExport"));
    }
}
