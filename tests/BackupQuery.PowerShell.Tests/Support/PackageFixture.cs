using System.Text.Json;

namespace BackupQuery.PowerShell.Tests.Support;

/// <summary>
/// Packs the laid-out module once for a test class, as a user would: <c>build.ps1 -Task Pack</c> (the second half of
/// Package, so no Release build is needed here) into a temporary folder; then, in another fresh process, that folder
/// registered as a PSResourceGet repository, the module saved from it with Save-PSResource (into a temporary folder,
/// not the user's module path) and imported from there. Both run in the dotnet-tool pwsh (see <see cref="ToolPowerShell"/>).
/// </summary>
public sealed class PackageFixture : IDisposable
{
    // Registers the folder under a unique name for the Save only; PSResourceGet reads packages only from a registered
    // repository.
    private const string SaveScript = """
        param([string] $Feed, [string] $Path, [string] $Result)
        $ErrorActionPreference = 'Stop'
        $name = 'BackupQueryTest' + [guid]::NewGuid().ToString('N')
        Register-PSResourceRepository -Name $name -Uri $Feed -Trusted
        try { Save-PSResource -Name BackupQuery -Repository $name -Path $Path -TrustRepository -Quiet }
        finally { Unregister-PSResourceRepository -Name $name }
        $module = Import-Module (Join-Path $Path 'BackupQuery') -PassThru
        $commands = @(Get-Command -Module BackupQuery | ForEach-Object Name | Sort-Object)
        [pscustomobject]@{ Version = $module.Version.ToString(); ModuleBase = $module.ModuleBase; Commands = $commands } |
            ConvertTo-Json | Set-Content -LiteralPath $Result -Encoding utf8
        """;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "bq-package-" + Guid.NewGuid().ToString("N"));

    public PackageFixture()
    {
        var moduleDirectory = Path.GetDirectoryName(ModuleLayout.EnsureBuilt())!;
        Directory.CreateDirectory(SavedDirectory);
        var dataHome = Path.Combine(_root, "data");

        ToolPowerShell.RunFile(TestPaths.BuildScript,
            ["-Task", "Pack", "-ModuleDirectory", moduleDirectory, "-PackageDirectory", PackageDirectory], dataHome);

        var script = Path.Combine(_root, "Save-Package.ps1");
        var result = Path.Combine(_root, "saved.json");
        File.WriteAllText(script, SaveScript);
        ToolPowerShell.RunFile(script, ["-Feed", PackageDirectory, "-Path", SavedDirectory, "-Result", result], dataHome);
        using var saved = JsonDocument.Parse(File.ReadAllText(result));
        SavedVersion = saved.RootElement.GetProperty("Version").GetString()!;
        SavedModuleBase = saved.RootElement.GetProperty("ModuleBase").GetString()!;
        SavedCommands = saved.RootElement.GetProperty("Commands").EnumerateArray().Select(c => c.GetString()!).ToList();
    }

    /// <summary>Where Pack wrote the zip and the .nupkg.</summary>
    public string PackageDirectory => Path.Combine(_root, "packages");

    public string Zip => Path.Combine(PackageDirectory, $"BackupQuery-{TestPaths.ModuleVersion}.zip");

    public string Nupkg => Path.Combine(PackageDirectory, $"BackupQuery.{TestPaths.ModuleVersion}.nupkg");

    /// <summary>Where Save-PSResource put the module (BackupQuery/&lt;version&gt;/...).</summary>
    public string SavedDirectory => Path.Combine(_root, "saved");

    /// <summary>What Import-Module of the saved module reported: its version, folder and commands.</summary>
    public string SavedVersion { get; }

    public string SavedModuleBase { get; }

    public IReadOnlyList<string> SavedCommands { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover temporary folder is harmless.
        }
    }
}
