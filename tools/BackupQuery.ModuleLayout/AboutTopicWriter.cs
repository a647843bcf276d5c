using System.Text;

namespace BackupQuery.ModuleLayout;

/// <summary>
/// docs/about_*.md to the about_*.help.txt layout Get-Help shows: TOPIC, upper-case section names, text indented and
/// wrapped at 80 columns, list items with a hanging indent, code indented by eight.
/// </summary>
internal static class AboutTopicWriter
{
    private const int Width = 80;

    public static string Write(HelpMarkdown doc)
    {
        var builder = new StringBuilder();
        builder.AppendLine("TOPIC");
        builder.AppendLine("    " + doc.Title);
        builder.AppendLine();
        foreach (var section in doc.Sections)
        {
            builder.AppendLine(section.Name.ToUpperInvariant());
            AddParagraphs(builder, section.Blocks);
            foreach (var sub in section.Subs)
            {
                builder.AppendLine("  " + sub.Name.ToUpperInvariant());
                AddParagraphs(builder, sub.Blocks);
            }
        }
        return builder.ToString();
    }

    private static void AddParagraphs(StringBuilder builder, List<HelpBlock> blocks)
    {
        foreach (var paragraph in HelpMarkdown.Paragraphs(blocks))
        {
            if (paragraph.IsCode)
            {
                foreach (var line in paragraph.Text.Split('\n')) builder.AppendLine(("        " + line).TrimEnd());
            }
            else if (paragraph.Text.StartsWith("- ", StringComparison.Ordinal) || paragraph.Text.StartsWith("* ", StringComparison.Ordinal))
            {
                builder.AppendLine(Wrap("- " + paragraph.Text[2..], indent: 4, hanging: 6));
            }
            else
            {
                builder.AppendLine(Wrap(paragraph.Text, indent: 4, hanging: 4));
            }
            builder.AppendLine();
        }
    }

    private static string Wrap(string text, int indent, int hanging)
    {
        var lines = new List<string>();
        var line = new string(' ', indent);
        var empty = true;
        foreach (var word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (empty) { line += word; empty = false; }
            else if (line.Length + 1 + word.Length > Width) { lines.Add(line.TrimEnd()); line = new string(' ', hanging) + word; }
            else line += " " + word;
        }
        if (!empty) lines.Add(line.TrimEnd());
        return string.Join(Environment.NewLine, lines);
    }
}
