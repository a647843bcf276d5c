using System.Text.RegularExpressions;

namespace BackupQuery.ModuleLayout;

/// <summary>
/// The source manifest with ModuleVersion from the build's Version (a -suffix becomes the PSData Prerelease string) and
/// ReleaseNotes from that version's CHANGELOG.md section, single quotes doubled for the psd1 string.
/// </summary>
internal static class ManifestStamp
{
    private const RegexOptions Options = RegexOptions.Multiline | RegexOptions.IgnoreCase;

    public static string Apply(string manifest, string version, string releaseNotes)
    {
        var parts = version.Split('-', 2);
        manifest = Regex.Replace(manifest, @"^(\s*ModuleVersion\s*=\s*)'[^']*'", m => $"{m.Groups[1].Value}'{parts[0]}'", Options);
        manifest = Regex.Replace(manifest, @"^(\s*ReleaseNotes\s*=\s*)'[^']*'", m => $"{m.Groups[1].Value}'{releaseNotes.Replace("'", "''")}'", Options);
        if (parts.Length == 2)
        {
            manifest = Regex.Replace(manifest, @"^(\s*PSData\s*=\s*@\{)", m => $"{m.Groups[1].Value}\r\n            Prerelease = '{parts[1]}'", Options);
        }
        return manifest;
    }
}
