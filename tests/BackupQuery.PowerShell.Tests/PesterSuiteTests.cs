using System.Management.Automation;
using BackupQuery.Emulator.Hosting;
using BackupQuery.PowerShell.Tests.Support;
using Xunit.Abstractions;

namespace BackupQuery.PowerShell.Tests;

/// <summary>
/// tests/Pester inside dotnet test: each *.Tests.ps1 file runs through Invoke-Pester (Pester from NuGet, imported by
/// path) in its own runspace of the hosted engine, against the laid-out module and the emulator in-process. A failure
/// lists every failed Pester test by name. Each file's results are written as NUnit XML to out/pester/ so that CI can
/// count the Pester tests beside the xunit ones.
/// </summary>
public sealed class PesterSuiteTests(ITestOutputHelper output)
{
    public static readonly string ResultsDirectory = Path.Combine(TestPaths.RepositoryRoot, "out", "pester");

    public static TheoryData<string> Files()
    {
        var files = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(TestPaths.PesterDirectory, "*.Tests.ps1").Select(Path.GetFileName).Order()) files.Add(file!);
        return files;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void PesterFilePasses(string file)
    {
        // Loaded here, so TestHelpers.ps1 finds the emulator's types and starts it in this process.
        _ = typeof(EmulatorServer);
        ModuleLayout.EnsureBuilt();
        Directory.CreateDirectory(ResultsDirectory);
        using var runspace = HostedRunspace.Open();
        using var shell = System.Management.Automation.PowerShell.Create(runspace);
        shell.AddScript("""
            param($Pester, $Path, $ResultPath)
            Import-Module -Name $Pester -ErrorAction Stop
            $config = New-PesterConfiguration
            $config.Run.Path = $Path
            $config.Run.PassThru = $true
            $config.Output.Verbosity = 'Normal'
            $config.TestResult.Enabled = $true
            $config.TestResult.OutputFormat = 'NUnitXml'
            $config.TestResult.OutputPath = $ResultPath
            $result = Invoke-Pester -Configuration $config
            [pscustomobject]@{
                Result  = $result.Result
                Passed  = $result.PassedCount
                Failed  = $result.FailedCount
                Skipped = $result.SkippedCount
                NotRun  = $result.NotRunCount
                Failures = @(
                    foreach ($t in $result.Failed) { "$($t.ExpandedPath): $($t.ErrorRecord | Select-Object -First 1)" }
                    foreach ($b in $result.FailedBlocks) { "block $($b.ExpandedPath): $($b.ErrorRecord | Select-Object -First 1)" }
                    foreach ($c in $result.FailedContainers) { "file $($c.Item): $($c.ErrorRecord | Select-Object -First 1)" })
            }
            """)
            .AddParameter("Pester", TestPaths.PesterManifest)
            .AddParameter("Path", Path.Combine(TestPaths.PesterDirectory, file))
            .AddParameter("ResultPath", Path.Combine(ResultsDirectory, Path.ChangeExtension(file, ".xml")));
        var summary = shell.Invoke().Single();
        foreach (var line in shell.Streams.Information) output.WriteLine(line.ToString());
        foreach (var error in shell.Streams.Error) output.WriteLine("error: " + error);

        long Count(string name) => Convert.ToInt64(summary.Properties[name].Value);
        var failures = ((object[])summary.Properties["Failures"].Value).Select(f => f.ToString()).ToList();
        Assert.True(failures.Count == 0 && Count("Failed") == 0,
            $"{file}: {Count("Failed")} Pester test(s) failed:\n" + string.Join("\n", failures));
        Assert.True(Count("Passed") > 0, $"{file}: Pester ran no test (result {summary.Properties["Result"].Value}).");
        Assert.Equal(0, Count("Skipped") + Count("NotRun"));
    }
}
