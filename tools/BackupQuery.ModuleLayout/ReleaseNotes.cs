using System.Text.RegularExpressions;

namespace BackupQuery.ModuleLayout;

/// <summary>
/// The CHANGELOG.md section of a version (its '## [version]' heading up to the next '## '), for the manifest's
/// ReleaseNotes: CHANGELOG.md stays the one place release notes are written.
/// </summary>
internal static class ReleaseNotes
{
    public static string Read(string changelogPath, string version)
    {
        var lines = File.ReadAllLines(changelogPath);
        var heading = new Regex(@"^## \[" + Regex.Escape(version) + @"\]", RegexOptions.IgnoreCase);
        var start = Array.FindIndex(lines, l => heading.IsMatch(l));
        if (start < 0) throw new InvalidDataException($"CHANGELOG.md has no '## [{version}]' section: write one before building {version}.");
        var end = start + 1;
        while (end < lines.Length && !lines[end].StartsWith("## ", StringComparison.Ordinal)) end++;
        // Link definitions ('[x]: url') belong to the file, not the section.
        var section = lines[start..end].Where(l => !Regex.IsMatch(l, @"^\[[^\]]+\]: "));
        return Regex.Replace(string.Join("\n", section).Trim(), @"^## \[([^\]]+)\]", "$1", RegexOptions.IgnoreCase);
    }
}
