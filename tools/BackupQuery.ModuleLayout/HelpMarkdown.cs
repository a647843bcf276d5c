using System.Text.RegularExpressions;

namespace BackupQuery.ModuleLayout;

/// <summary>A line of text, or a fenced code block with its language.</summary>
internal sealed record HelpBlock(bool IsCode, string Text, string Language = "");

/// <summary>A '## ' section (or a '### ' sub-section, which has no Subs of its own) and its blocks.</summary>
internal sealed record HelpSection(string Name, List<HelpBlock> Blocks, List<HelpSection> Subs);

/// <summary>A paragraph: text lines joined, or one code block as it is.</summary>
internal sealed record HelpParagraph(bool IsCode, string Text);

/// <summary>
/// A platyPS-style page of docs/ (our own small reader: platyPS is not available here): the '# ' title and the '## '
/// sections in order, each with its blocks and its '### ' sub-sections. Front matter between '---' lines is skipped.
/// </summary>
internal sealed class HelpMarkdown
{
    private static readonly Regex Fence = new(@"^\s*```\s*$");
    private static readonly Regex FenceOpen = new(@"^\s*```(\w*)\s*$");
    private static readonly Regex Link = new(@"\[([^\]]+)\]\([^)]*\)");

    private HelpMarkdown(string path) => Path = path;

    public string Path { get; }

    public string? Title { get; private set; }

    public List<HelpSection> Sections { get; } = [];

    public HelpSection? Section(string name) => Sections.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    public static HelpMarkdown Read(string path)
    {
        var lines = File.ReadAllLines(path);
        var doc = new HelpMarkdown(path);
        var i = 0;
        if (lines.Length > 0 && lines[0].Trim() == "---")
        {
            for (i = 1; i < lines.Length && lines[i].Trim() != "---"; i++) { }
            i++;
        }
        HelpSection? section = null;
        List<HelpBlock>? target = null;
        List<string>? code = null;
        var language = "";
        for (; i < lines.Length; i++)
        {
            var line = lines[i];
            if (code is not null)
            {
                if (Fence.IsMatch(line))
                {
                    target?.Add(new HelpBlock(true, string.Join("\n", code), language));
                    code = null;
                }
                else code.Add(line);
                continue;
            }
            if (FenceOpen.Match(line) is { Success: true } open)
            {
                language = open.Groups[1].Value;
                code = [];
                continue;
            }
            if (Heading(line, "# ") is { } title) { doc.Title = title; continue; }
            if (Heading(line, "## ") is { } name)
            {
                section = new HelpSection(name, [], []);
                doc.Sections.Add(section);
                target = section.Blocks;
                continue;
            }
            if (Heading(line, "### ") is { } subName && section is not null)
            {
                var sub = new HelpSection(subName, [], []);
                section.Subs.Add(sub);
                target = sub.Blocks;
                continue;
            }
            target?.Add(new HelpBlock(false, line));
        }
        return doc;
    }

    /// <summary>
    /// Blocks to paragraphs: text lines joined with a space until a blank line or a list item; a code block is one
    /// paragraph as is, unless its language is one of <paramref name="skipLanguages"/> (the parameters' yaml).
    /// </summary>
    public static List<HelpParagraph> Paragraphs(IEnumerable<HelpBlock> blocks, string? skipLanguage = null)
    {
        var paragraphs = new List<HelpParagraph>();
        var current = new List<string>();
        void Flush()
        {
            if (current.Count == 0) return;
            paragraphs.Add(new HelpParagraph(false, string.Join(" ", current)));
            current.Clear();
        }
        foreach (var block in blocks)
        {
            if (block.IsCode)
            {
                Flush();
                if (!string.Equals(block.Language, skipLanguage, StringComparison.OrdinalIgnoreCase)) paragraphs.Add(new HelpParagraph(true, block.Text));
                continue;
            }
            var text = block.Text.Trim();
            if (text.Length == 0 || text.StartsWith("- ", StringComparison.Ordinal) || text.StartsWith("* ", StringComparison.Ordinal)) Flush();
            if (text.Length > 0) current.Add(PlainText(text));
        }
        Flush();
        return paragraphs;
    }

    /// <summary>Markdown inline syntax to plain text: links keep their text, code spans lose their backticks.</summary>
    public static string PlainText(string text) => Link.Replace(text, "$1").Replace("`", "");

    // '# Title' (a line that matches '^# (.+)$' in the old script): the text after the marker, trimmed.
    private static string? Heading(string line, string marker) =>
        line.StartsWith(marker, StringComparison.Ordinal) && line.Length > marker.Length ? line[marker.Length..].Trim() : null;
}
