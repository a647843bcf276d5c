namespace BackupQuery.PowerShell.Tests.Support;

/// <summary>
/// The module folder the tests import, <c>out/BackupQuery</c>, as the build lays it out: this project references
/// tools/BackupQuery.ModuleLayout, whose build writes it (allow-list, stamped manifest, format file, generated help), so
/// the tests import exactly what the build ships and a fresh clone needs nothing but <c>dotnet test</c>.
/// </summary>
internal static class ModuleLayout
{
    /// <summary>The path of the laid-out manifest.</summary>
    public static string EnsureBuilt() => File.Exists(TestPaths.ModuleManifest)
        ? TestPaths.ModuleManifest
        : throw new InvalidOperationException(
            $"No module laid out at {TestPaths.ModuleDirectory}: build the solution (or tools/BackupQuery.ModuleLayout) first.");
}
