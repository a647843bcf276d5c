using System.Management.Automation;

namespace BackupQuery.PowerShell.Tests.Support;

/// <summary>
/// Lays out <c>out/BackupQuery</c> once per test run with build.ps1's own Layout task, run in the hosted engine on the
/// cmdlet project's build output: the tests import exactly what the build ships (allow-list, stamped manifest, format
/// file, generated help), and a fresh clone needs nothing but <c>dotnet test</c>.
/// </summary>
internal static class ModuleLayout
{
    private static readonly Lazy<string> Manifest = new(Write, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The path of the laid-out manifest; the first call writes the folder.</summary>
    public static string EnsureBuilt() => Manifest.Value;

    private static string Write()
    {
        using var runspace = HostedRunspace.Open();
        using var shell = System.Management.Automation.PowerShell.Create(runspace);
        shell.AddCommand(TestPaths.BuildScript)
            .AddParameter("Task", "Layout")
            .AddParameter("AssemblyDirectory", TestPaths.ModuleAssemblyDirectory)
            .AddParameter("ModuleDirectory", TestPaths.ModuleDirectory);
        try
        {
            shell.Invoke();
        }
        catch (RuntimeException e)
        {
            throw new InvalidOperationException($"build.ps1 -Task Layout failed: {e.ErrorRecord}", e);
        }
        if (shell.HadErrors)
        {
            throw new InvalidOperationException("build.ps1 -Task Layout failed: " + string.Join("; ", shell.Streams.Error));
        }
        return TestPaths.ModuleManifest;
    }
}
