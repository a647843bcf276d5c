using System.Reflection;

namespace BackupQuery.PowerShell.Tests.Support;

/// <summary>Where things are, as the test project's build wrote them into this assembly.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot => Metadata("RepositoryRoot");

    /// <summary>Pester from the NuGet folder (the project's PackageDownload), imported by path.</summary>
    public static string PesterManifest => Metadata("PesterManifest");

    /// <summary>The version the build stamps (Version in Directory.Build.props).</summary>
    public static string ModuleVersion => Metadata("ModuleVersion");

    public static string BuildScript => Path.Combine(RepositoryRoot, "build.ps1");

    public static string PesterDirectory => Path.Combine(RepositoryRoot, "tests", "Pester");

    /// <summary>The built module folder the tests import (<c>out/BackupQuery</c>), as the build lays it out.</summary>
    public static string ModuleDirectory => Path.Combine(RepositoryRoot, "out", "BackupQuery");

    public static string ModuleManifest => Path.Combine(ModuleDirectory, "BackupQuery.psd1");

    private static string Metadata(string key) =>
        typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"The test assembly has no {key} metadata.");
}
