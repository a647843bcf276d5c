using System.Xml.Linq;

namespace BackupQuery.Module.Tests;

/// <summary>The module layout's allow-list: the item lists of tools/BackupQuery.ModuleLayout's project file.</summary>
public static class LayoutAllowList
{
    public static string ProjectPath => Path.Combine(ModuleUnderTest.RepositoryRoot, "tools", "BackupQuery.ModuleLayout", "BackupQuery.ModuleLayout.csproj");

    /// <summary>The Include values of every item of <paramref name="itemType"/> (ModuleAssembly, DependencyAssembly, ...).</summary>
    public static IReadOnlyList<string> Items(string itemType) => XDocument.Load(ProjectPath).Descendants(itemType)
        .SelectMany(e => ((string?)e.Attribute("Include") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        .ToList();
}
