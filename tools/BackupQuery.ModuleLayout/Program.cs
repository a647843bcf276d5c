using System.Text;
using BackupQuery.ModuleLayout;

// Run by this project's LayOutModule target, once the assemblies and files are copied: writes the stamped manifest and
// the help (en-US/BackupQuery.dll-Help.xml from docs/<Verb-Noun>.md, en-US/about_*.help.txt from docs/about_*.md).
if (args.Length != 3)
{
    Console.Error.WriteLine("usage: BackupQuery.ModuleLayout <repository root> <module directory> <version>");
    return 2;
}
var root = Path.GetFullPath(args[0]);
var moduleDirectory = Path.GetFullPath(args[1]);
var version = args[2];
var docs = Path.Combine(root, "docs");
var helpDirectory = Path.Combine(moduleDirectory, "en-US");
var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

try
{
    var manifest = ManifestStamp.Apply(File.ReadAllText(Path.Combine(root, "BackupQuery.psd1")), version,
        ReleaseNotes.Read(Path.Combine(root, "CHANGELOG.md"), version));
    File.WriteAllText(Path.Combine(moduleDirectory, "BackupQuery.psd1"), manifest, utf8);

    Directory.CreateDirectory(helpDirectory);
    // In the order PowerShell's Sort-Object Name gave them when build.ps1 wrote this file.
    var pages = Directory.GetFiles(docs, "*-*.md").OrderBy(Path.GetFileName, StringComparer.InvariantCultureIgnoreCase);
    MamlWriter.Write(pages.Select(HelpMarkdown.Read), Path.Combine(helpDirectory, "BackupQuery.dll-Help.xml"));
    foreach (var about in Directory.GetFiles(docs, "about_*.md"))
    {
        var target = Path.Combine(helpDirectory, Path.GetFileNameWithoutExtension(about) + ".help.txt");
        File.WriteAllText(target, AboutTopicWriter.Write(HelpMarkdown.Read(about)), utf8);
    }
    return 0;
}
catch (InvalidDataException e)
{
    // MSBuild shows "error:" lines as build errors.
    Console.Error.WriteLine("error: " + e.Message);
    return 1;
}
