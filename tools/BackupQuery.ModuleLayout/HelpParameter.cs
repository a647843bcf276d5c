using System.Text.RegularExpressions;

namespace BackupQuery.ModuleLayout;

/// <summary>
/// A '### -Name' sub-section of a page's PARAMETERS: its description paragraphs and its yaml blocks (one per distinct
/// parameter-set shape, each read as 'Key: value' lines).
/// </summary>
internal sealed record HelpParameter(string Name, List<HelpParagraph> Description, List<Dictionary<string, string>> Yaml)
{
    private static readonly Regex YamlLine = new(@"^\s*([^:]+):\s*(.*)$");

    public static List<HelpParameter> ReadAll(HelpMarkdown doc) =>
        (doc.Section("PARAMETERS")?.Subs ?? [])
            .Where(s => s.Name.StartsWith('-'))
            .Select(s => new HelpParameter(
                s.Name[1..].Trim(),
                HelpMarkdown.Paragraphs(s.Blocks, skipLanguage: "yaml"),
                s.Blocks.Where(b => b.IsCode && string.Equals(b.Language, "yaml", StringComparison.OrdinalIgnoreCase)).Select(b => ReadYaml(b.Text)).ToList()))
            .ToList();

    /// <summary>The yaml block that applies to a parameter set: the one naming the set, else the '(All)' one.</summary>
    public Dictionary<string, string>? ForSet(string setName)
    {
        string Sets(Dictionary<string, string> yaml) => yaml.TryGetValue("Parameter Sets", out var sets) ? sets : "";
        if (setName.Length > 0)
        {
            var named = Yaml.FirstOrDefault(y => Sets(y).Split(',').Any(s => string.Equals(s.Trim(), setName, StringComparison.OrdinalIgnoreCase)));
            if (named is not null) return named;
        }
        return Yaml.FirstOrDefault(y => string.Equals(Sets(y), "(All)", StringComparison.OrdinalIgnoreCase));
    }

    private static Dictionary<string, string> ReadYaml(string text)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in text.Split('\n'))
        {
            if (YamlLine.Match(line) is { Success: true } m) map[m.Groups[1].Value.Trim()] = m.Groups[2].Value.Trim();
        }
        return map;
    }
}
