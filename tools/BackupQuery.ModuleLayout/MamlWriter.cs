using System.Text;
using System.Text.RegularExpressions;
using System.Xml;

namespace BackupQuery.ModuleLayout;

/// <summary>
/// docs/&lt;Verb-Noun&gt;.md pages to one MAML file, what Get-Help reads for a binary module (&lt;dll&gt;-Help.xml):
/// details, description, syntax (one item per '### Set' under SYNTAX), parameters (from their yaml blocks), inputs,
/// outputs, notes, examples and related links.
/// </summary>
internal static class MamlWriter
{
    private const string Maml = "http://schemas.microsoft.com/maml/2004/10";
    private const string Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private const string Dev = "http://schemas.microsoft.com/maml/dev/2004/10";
    private static readonly Regex TitlePattern = new(@"^(\w+)-(\w+)$");
    private static readonly Regex LinkLine = new(@"^\s*\[([^\]]+)\]\(([^)]*)\)");

    public static void Write(IEnumerable<HelpMarkdown> pages, string outputPath)
    {
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false) };
        using var writer = XmlWriter.Create(outputPath, settings);
        writer.WriteStartDocument();
        writer.WriteStartElement("helpItems", "http://msh");
        writer.WriteAttributeString("schema", "maml");
        foreach (var page in pages) WriteCommand(writer, page);
        writer.WriteEndElement();
        writer.WriteEndDocument();
    }

    private static void WriteCommand(XmlWriter writer, HelpMarkdown doc)
    {
        var name = doc.Title ?? "";
        var title = TitlePattern.Match(name);
        if (!title.Success) throw new InvalidDataException($"{doc.Path} does not start with a '# Verb-Noun' heading.");
        var parameters = HelpParameter.ReadAll(doc);

        writer.WriteStartElement("command", "command", Command);
        const string Xmlns = "http://www.w3.org/2000/xmlns/";
        writer.WriteAttributeString("xmlns", "maml", Xmlns, Maml);
        writer.WriteAttributeString("xmlns", "command", Xmlns, Command);
        writer.WriteAttributeString("xmlns", "dev", Xmlns, Dev);
        writer.WriteAttributeString("xmlns", "MSHelp", Xmlns, "http://msdn.microsoft.com/mshelp");

        writer.WriteStartElement("command", "details", Command);
        writer.WriteElementString("command", "name", Command, name);
        writer.WriteElementString("command", "verb", Command, title.Groups[1].Value);
        writer.WriteElementString("command", "noun", Command, title.Groups[2].Value);
        WriteDescription(writer, SectionParagraphs(doc, "SYNOPSIS"));
        writer.WriteEndElement();
        WriteDescription(writer, SectionParagraphs(doc, "DESCRIPTION"));

        // Syntax: one item per '### Set' heading under SYNTAX ('### Name (Default)' included), or one for a single set.
        writer.WriteStartElement("command", "syntax", Command);
        var setNames = doc.Section("SYNTAX")?.Subs.Select(s => Regex.Replace(s.Name, @"\(Default\)", "", RegexOptions.IgnoreCase).Trim()).ToList() ?? [];
        if (setNames.Count == 0) setNames.Add("");
        foreach (var set in setNames)
        {
            writer.WriteStartElement("command", "syntaxItem", Command);
            writer.WriteElementString("maml", "name", Maml, name);
            foreach (var parameter in parameters)
            {
                if (parameter.ForSet(set) is { } yaml) WriteParameter(writer, parameter, yaml);
            }
            writer.WriteEndElement();
        }
        writer.WriteEndElement();

        writer.WriteStartElement("command", "parameters", Command);
        foreach (var parameter in parameters.Where(p => p.Yaml.Count > 0)) WriteParameter(writer, parameter, parameter.Yaml[0]);
        writer.WriteEndElement();

        WriteTypes(writer, doc.Section("INPUTS"), "inputTypes", "inputType");
        WriteTypes(writer, doc.Section("OUTPUTS"), "returnValues", "returnValue");

        if (doc.Section("NOTES") is { } notes)
        {
            writer.WriteStartElement("maml", "alertSet", Maml);
            writer.WriteStartElement("maml", "alert", Maml);
            WriteParagraphs(writer, HelpMarkdown.Paragraphs(notes.Blocks));
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        writer.WriteStartElement("command", "examples", Command);
        foreach (var example in doc.Section("EXAMPLES")?.Subs ?? [])
        {
            writer.WriteStartElement("command", "example", Command);
            writer.WriteElementString("maml", "title", Maml, $"-------------------------- {example.Name} --------------------------");
            writer.WriteElementString("dev", "code", Dev, string.Join("\n", example.Blocks.Where(b => b.IsCode).Select(b => b.Text)));
            writer.WriteStartElement("dev", "remarks", Dev);
            WriteParagraphs(writer, HelpMarkdown.Paragraphs(example.Blocks).Where(p => !p.IsCode));
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
        writer.WriteEndElement();

        writer.WriteStartElement("command", "relatedLinks", Command);
        foreach (var block in doc.Section("RELATED LINKS")?.Blocks ?? [])
        {
            if (block.IsCode || LinkLine.Match(block.Text) is not { Success: true } link) continue;
            writer.WriteStartElement("maml", "navigationLink", Maml);
            writer.WriteElementString("maml", "linkText", Maml, link.Groups[1].Value);
            // Pages link to each other by file name; only web addresses are worth keeping as a uri.
            var uri = link.Groups[2].Value;
            writer.WriteElementString("maml", "uri", Maml, Regex.IsMatch(uri, "^https?://", RegexOptions.IgnoreCase) ? uri : "");
            writer.WriteEndElement();
        }
        writer.WriteEndElement();

        writer.WriteEndElement();
    }

    private static List<HelpParagraph> SectionParagraphs(HelpMarkdown doc, string name) =>
        doc.Section(name) is { } section ? HelpMarkdown.Paragraphs(section.Blocks) : [];

    private static void WriteDescription(XmlWriter writer, IEnumerable<HelpParagraph> paragraphs)
    {
        writer.WriteStartElement("maml", "description", Maml);
        WriteParagraphs(writer, paragraphs);
        writer.WriteEndElement();
    }

    // One maml:para per paragraph; an empty one when there is none.
    private static void WriteParagraphs(XmlWriter writer, IEnumerable<HelpParagraph> paragraphs)
    {
        var wrote = false;
        foreach (var paragraph in paragraphs)
        {
            writer.WriteElementString("maml", "para", Maml, paragraph.Text);
            wrote = true;
        }
        if (!wrote) writer.WriteElementString("maml", "para", Maml, "");
    }

    private static void WriteTypes(XmlWriter writer, HelpSection? section, string list, string item)
    {
        writer.WriteStartElement("command", list, Command);
        foreach (var sub in section?.Subs ?? [])
        {
            writer.WriteStartElement("command", item, Command);
            writer.WriteStartElement("dev", "type", Dev);
            writer.WriteElementString("maml", "name", Maml, sub.Name);
            writer.WriteEndElement();
            WriteDescription(writer, HelpMarkdown.Paragraphs(sub.Blocks));
            writer.WriteEndElement();
        }
        writer.WriteEndElement();
    }

    private static void WriteParameter(XmlWriter writer, HelpParameter parameter, IReadOnlyDictionary<string, string> yaml)
    {
        string Value(string key, string fallback) => yaml.TryGetValue(key, out var v) && v.Length > 0 ? v : fallback;
        static string Flag(bool value) => value ? "true" : "false";
        var type = Value("Type", "Object");
        writer.WriteStartElement("command", "parameter", Command);
        writer.WriteAttributeString("required", Flag(string.Equals(Value("Required", ""), "True", StringComparison.OrdinalIgnoreCase)));
        writer.WriteAttributeString("variableLength", "true");
        writer.WriteAttributeString("globbing", Flag(string.Equals(Value("Accept wildcard characters", ""), "True", StringComparison.OrdinalIgnoreCase)));
        writer.WriteAttributeString("pipelineInput", Value("Accept pipeline input", "False"));
        var position = Value("Position", "");
        writer.WriteAttributeString("position", Regex.IsMatch(position, @"^\d+$") ? position : "named");
        writer.WriteAttributeString("aliases", Value("Aliases", "none"));
        writer.WriteElementString("maml", "name", Maml, parameter.Name);
        WriteDescription(writer, parameter.Description);
        writer.WriteStartElement("command", "parameterValue", Command);
        writer.WriteAttributeString("required", Flag(!string.Equals(type, "SwitchParameter", StringComparison.OrdinalIgnoreCase)));
        writer.WriteAttributeString("variableLength", "false");
        writer.WriteString(type);
        writer.WriteEndElement();
        writer.WriteStartElement("dev", "type", Dev);
        writer.WriteElementString("maml", "name", Maml, type);
        writer.WriteElementString("maml", "uri", Maml, "");
        writer.WriteEndElement();
        writer.WriteElementString("dev", "defaultValue", Dev, Value("Default value", "None"));
        writer.WriteEndElement();
    }
}
