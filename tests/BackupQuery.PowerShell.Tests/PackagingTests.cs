using System.IO.Compression;
using System.Xml.Linq;
using BackupQuery.PowerShell.Tests.Support;

namespace BackupQuery.PowerShell.Tests;

/// <summary>
/// build.ps1's packages (the Pack half of Package, over the laid-out module): the zip and the .nupkg hold exactly the
/// module folder, the nuspec carries the manifest's gallery metadata, and PSResourceGet saves a module from the
/// .nupkg that imports with every cmdlet.
/// </summary>
public sealed class PackagingTests(PackageFixture package) : IClassFixture<PackageFixture>
{
    // What NuGet's package format adds around the content (Open Packaging Conventions parts and the nuspec).
    private static bool IsPackagingPart(string entry) =>
        entry is "[Content_Types].xml" or "BackupQuery.nuspec" || entry.StartsWith("_rels/", StringComparison.Ordinal)
        || entry.StartsWith("package/services/metadata/", StringComparison.Ordinal);

    /// <summary>The laid-out module folder's files, relative, with '/' separators, and their sizes.</summary>
    private static SortedDictionary<string, long> ModuleFiles()
    {
        var directory = Path.GetDirectoryName(ModuleLayout.EnsureBuilt())!;
        return new(Directory.GetFiles(directory, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(directory, f).Replace('\\', '/'), f => new FileInfo(f).Length), StringComparer.Ordinal);
    }

    private static SortedDictionary<string, long> Entries(string archive, Func<string, string?> name)
    {
        using var zip = ZipFile.OpenRead(archive);
        var entries = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var entry in zip.Entries.Where(e => e.Length > 0 || !e.FullName.EndsWith('/')))
        {
            if (name(Uri.UnescapeDataString(entry.FullName.Replace('\\', '/'))) is { } kept) entries.Add(kept, entry.Length);
        }
        return entries;
    }

    [Fact]
    public void PackWritesTheZipAndTheNupkgNamedByVersion()
    {
        Assert.True(File.Exists(package.Zip), $"No {Path.GetFileName(package.Zip)} in {package.PackageDirectory}.");
        Assert.True(File.Exists(package.Nupkg), $"No {Path.GetFileName(package.Nupkg)} in {package.PackageDirectory}.");
        Assert.Equal(2, Directory.GetFiles(package.PackageDirectory).Length);
    }

    [Fact]
    public void TheNupkgHoldsExactlyTheModuleFolder()
    {
        var content = Entries(package.Nupkg, e => IsPackagingPart(e) ? null : e);
        Assert.Equal(ModuleFiles(), content);
        foreach (var file in new[] { "BackupQuery.psd1", "BackupQuery.dll", "BackupQuery.Core.dll", "System.Text.Json.dll", "BackupQuery.format.ps1xml", "LICENSE", "en-US/BackupQuery.dll-Help.xml", "en-US/about_BackupQuery.help.txt" })
        {
            Assert.Contains(file, content.Keys);
        }
        Assert.DoesNotContain("System.Management.Automation.dll", content.Keys);
    }

    [Fact]
    public void TheZipHoldsTheBackupQueryFolder()
    {
        var entries = Entries(package.Zip, e => e);
        Assert.All(entries.Keys, e => Assert.StartsWith("BackupQuery/", e));
        Assert.Equal(ModuleFiles(), new SortedDictionary<string, long>(entries.ToDictionary(e => e.Key["BackupQuery/".Length..], e => e.Value), StringComparer.Ordinal));
    }

    [Fact]
    public void TheNuspecCarriesTheManifestsGalleryMetadata()
    {
        using var zip = ZipFile.OpenRead(package.Nupkg);
        using var stream = zip.GetEntry("BackupQuery.nuspec")!.Open();
        var metadata = XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string Value(string name) => metadata.Elements().Single(e => e.Name.LocalName == name).Value;

        Assert.Equal("BackupQuery", Value("id"));
        Assert.Equal(TestPaths.ModuleVersion, Value("version"));
        Assert.Equal("https://github.com/backupquery/BackupQuery", Value("projectUrl"));
        Assert.Equal("https://github.com/backupquery/BackupQuery/blob/main/LICENSE", Value("licenseUrl"));
        Assert.StartsWith(TestPaths.ModuleVersion + " - ", Value("releaseNotes"));
        var tags = Value("tags").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Superset(new HashSet<string>(["PSModule", "PSEdition_Core", "PSEdition_Desktop", "Windows", "Linux", "MacOS", "ZStack", "HuaweiCloud"]), new HashSet<string>(tags));
    }

    [Fact]
    public void SavePSResourceFromTheFolderGivesAModuleThatImportsWithEveryCmdlet()
    {
        Assert.Equal(TestPaths.ModuleVersion, package.SavedVersion);
        // Compared by its end: on Windows the temporary folder may come back in its long or its 8.3 form.
        Assert.EndsWith(Path.Combine("saved", "BackupQuery", TestPaths.ModuleVersion), package.SavedModuleBase.TrimEnd(Path.DirectorySeparatorChar));

        using var ps = PowerShellSession.Start();
        var exported = ps.Run("(Get-Command -Module BackupQuery).Name | Sort-Object").Succeeded().Objects.Cast<string>();
        Assert.Equal(exported, package.SavedCommands);

        // The saved folder is the module folder, file for file (PSResourceGet adds nothing without -IncludeXml).
        var saved = Directory.GetFiles(package.SavedModuleBase, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(package.SavedModuleBase, f).Replace('\\', '/')).Order(StringComparer.Ordinal);
        Assert.Equal(ModuleFiles().Keys, saved);
    }
}
