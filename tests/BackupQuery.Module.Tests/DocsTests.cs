using System.Text.RegularExpressions;

namespace BackupQuery.Module.Tests;

/// <summary>docs/: a page per cmdlet that documents exactly its parameters, and the about_ topic.</summary>
public sealed class DocsTests
{
    private static readonly string Docs = Path.Combine(ModuleUnderTest.RepositoryRoot, "docs");

    private static readonly string[] Sections = ["## SYNOPSIS", "## SYNTAX", "## DESCRIPTION", "## EXAMPLES", "## PARAMETERS", "## INPUTS", "## OUTPUTS", "## NOTES"];

    // Documented by convention but not declared by the cmdlet class.
    private static readonly string[] EngineParameters = ["First", "Skip", "IncludeTotalCount", "ProgressAction", "WhatIf", "Confirm"];

    public static TheoryData<string> CmdletNames() => CmdletContractTests.CmdletNames();

    private static string Page(string name)
    {
        var path = Path.Combine(Docs, name + ".md");
        Assert.True(File.Exists(path), $"No help page docs/{name}.md.");
        return File.ReadAllText(path);
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void EveryCmdletHasAPageWithTheHelpSections(string name)
    {
        var page = Page(name);
        Assert.StartsWith("---", page);
        Assert.Contains("# " + name, page);
        var at = -1;
        foreach (var section in Sections)
        {
            var next = page.IndexOf("\n" + section, StringComparison.Ordinal);
            Assert.True(next > at, $"docs/{name}.md: '{section}' is missing or out of order.");
            at = next;
        }
        Assert.Matches(new Regex(@"### Example 1", RegexOptions.Multiline), page);
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void PageDocumentsExactlyTheCmdletsParameters(string name)
    {
        var cmdlet = ModuleUnderTest.AllCmdlets.Single(c => c.Name == name);
        var documented = Regex.Matches(Page(name), @"^### -(?<p>\w+)\s*$", RegexOptions.Multiline).Select(m => m.Groups["p"].Value).ToList();
        var declared = cmdlet.Parameters.Select(p => p.Name).ToList();
        var expected = cmdlet.SupportsPaging ? declared.Concat(["First", "Skip", "IncludeTotalCount"]).ToList() : declared;
        var undocumented = expected.Except(documented, StringComparer.OrdinalIgnoreCase).ToList();
        var invented = documented.Except(declared, StringComparer.OrdinalIgnoreCase).Except(EngineParameters, StringComparer.OrdinalIgnoreCase).ToList();
        Assert.True(undocumented.Count == 0 && invented.Count == 0,
            $"docs/{name}.md: undocumented parameters: {string.Join(", ", undocumented)}; documented but not declared: {string.Join(", ", invented)}");
        Assert.Equal(documented.Count, documented.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void SyntaxNamesEveryParameterSet(string name)
    {
        var cmdlet = ModuleUnderTest.AllCmdlets.Single(c => c.Name == name);
        var sets = cmdlet.Parameters.SelectMany(p => p.Sets).Select(s => s.SetName).Where(s => s != ParameterInfo.AllSets).Distinct().ToList();
        var page = Page(name);
        var syntax = page.Substring(page.IndexOf("## SYNTAX", StringComparison.Ordinal), page.IndexOf("## DESCRIPTION", StringComparison.Ordinal) - page.IndexOf("## SYNTAX", StringComparison.Ordinal));
        // Exactly the named sets (and the default one, which may hold only all-sets parameters); a cmdlet without any shows none.
        if (sets.Count > 0 && cmdlet.DefaultParameterSetName is { } defaultSet && !sets.Contains(defaultSet)) sets.Add(defaultSet);
        var headings = Regex.Matches(syntax, @"^### (?<set>\S+)( \(Default\))?\s*$", RegexOptions.Multiline).Select(m => m.Groups["set"].Value);
        Assert.Equal(sets.Order(StringComparer.Ordinal), headings.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AboutTopicExists()
    {
        var about = File.ReadAllText(Path.Combine(Docs, "about_BackupQuery.md"));
        foreach (var topic in new[] { "-Connection", "-First", "ErrorRecord", "SizeBytes", "emulator" })
            Assert.Contains(topic, about);
    }

    [Fact]
    public void NoPageForACmdletThatDoesNotExist()
    {
        var names = ModuleUnderTest.AllCmdlets.Select(c => c.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var orphans = Directory.GetFiles(Docs, "*-*.md").Select(Path.GetFileNameWithoutExtension).Where(n => !names.Contains(n!)).ToList();
        Assert.True(orphans.Count == 0, "Pages for cmdlets that do not exist: " + string.Join(", ", orphans));
    }
}
