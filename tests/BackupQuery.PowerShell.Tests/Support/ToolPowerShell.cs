using System.Diagnostics;

namespace BackupQuery.PowerShell.Tests.Support;

/// <summary>
/// Scripts run in a separate process of the repository's dotnet-tool pwsh (<c>dotnet pwsh</c>, PowerShell 7.6.10 from
/// .config/dotnet-tools.json), for what the hosted engine cannot do: the SDK has no $PSHOME/Modules, so it has no
/// PSResourceGet, and importing PSResourceGet by path into this process would load its NuGet.* assemblies beside the
/// test host's own copies of NuGet.Frameworks. A child process is also how users run build.ps1.
/// </summary>
internal static class ToolPowerShell
{
    private static readonly Lazy<bool> Restored = new(Restore, LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    /// <summary>
    /// Runs <c>dotnet pwsh -NoProfile -NonInteractive -File</c> <paramref name="script"/> with
    /// <paramref name="arguments"/>; fails the test with the process's output unless it exits with 0.
    /// <paramref name="dataHome"/> becomes XDG_DATA_HOME, which .NET on Linux takes for the local application data
    /// folder: there PSResourceGet's repository list is the test's own, not the user's. On Windows and macOS it stays
    /// the user's, where the scripts' unique repository names and their finally blocks leave it as it was. Nothing is
    /// installed: Save-PSResource writes only to the path it is given (PSResourceGet does create its CurrentUser module
    /// folder, empty, when it is missing).
    /// </summary>
    public static string RunFile(string script, IEnumerable<string> arguments, string dataHome)
    {
        _ = Restored.Value;
        var start = Start("pwsh", "-NoProfile", "-NonInteractive", "-File", script);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        if (OperatingSystem.IsLinux()) start.Environment["XDG_DATA_HOME"] = dataHome;
        var (exitCode, output) = Run(start);
        Assert.True(exitCode == 0, $"dotnet pwsh {Path.GetFileName(script)} exited with {exitCode}:\n{output}");
        return output;
    }

    private static bool Restore()
    {
        var (exitCode, output) = Run(Start("tool", "restore"));
        if (exitCode != 0) throw new InvalidOperationException($"dotnet tool restore exited with {exitCode}:\n{output}");
        return true;
    }

    private static ProcessStartInfo Start(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = TestPaths.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        // The hosted engine may have set this process's PSModulePath; the child builds its own from its $PSHOME.
        start.Environment.Remove("PSModulePath");
        return start;
    }

    private static (int ExitCode, string Output) Run(ProcessStartInfo start)
    {
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {start.FileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', start.ArgumentList)} did not finish within {Timeout}.");
        }
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
