using System.Reflection;
using Xunit.Abstractions;

namespace BackupQuery.Module.Tests;

/// <summary>
/// Windows PowerShell 5.1 cannot run here, but what it would load can be read: every reference of every DLL in the
/// laid-out out/BackupQuery binds on .NET Framework 4.7.2 (its reference assemblies from NuGet), to the framework, to
/// Windows PowerShell itself, or to a copy shipped beside the module at the referenced version or later.
/// </summary>
public sealed class ReferenceClosureTests(ITestOutputHelper output)
{
    public static string LaidOutModule => Path.Combine(ModuleUnderTest.RepositoryRoot, "out", "BackupQuery");

    public static string Framework472 { get; } = typeof(ReferenceClosureTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "NetFramework472ReferencePath").Value!;

    [Fact]
    public void EveryReferenceOfTheLaidOutModuleBindsOnNetFramework472()
    {
        var closure = ReferenceClosure.Check(LaidOutModule, Framework472, ReferenceClosure.WindowsPowerShellHost);
        foreach (var reference in closure.Where(r => r.Source != "Framework")) output.WriteLine(reference.ToString());

        // Every shipped DLL was read, each with references.
        var shipped = Directory.GetFiles(LaidOutModule, "*.dll").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(shipped, closure.Select(r => r.From).Distinct().Order(StringComparer.Ordinal).ToList());
        var problems = closure.Where(r => r.Problem is not null).Select(r => r.ToString()).ToList();
        Assert.True(problems.Count == 0, "References that do not bind on .NET Framework 4.7.2:\n  " + string.Join("\n  ", problems));
        // The cmdlets bind to Windows PowerShell's own System.Management.Automation, the JSON stack to the copies shipped.
        Assert.Contains(closure, r => r.From == "BackupQuery.dll" && r.Name == "System.Management.Automation" && r.Source == "Host");
        Assert.Contains(closure, r => r.From == "BackupQuery.Core.dll" && r.Name == "System.Text.Json" && r.Source == "Shipped");
    }

    /// <summary>
    /// The references that ask for another version than the one shipped. On .NET Framework they fail the normal bind
    /// (no binding redirects for a module) and load only because ModuleInitializer.ResolveBundled answers any version of
    /// a shipped name with the shipped copy (its own test is in the PowerShell tests); each is to a newer copy.
    /// </summary>
    [Fact]
    public void VersionMismatchesAreListedAndEachIsAShippedNewerCopy()
    {
        var closure = ReferenceClosure.Check(LaidOutModule, Framework472, ReferenceClosure.WindowsPowerShellHost);
        var mismatches = closure.Where(r => r.IsVersionMismatch).ToList();
        foreach (var mismatch in mismatches) output.WriteLine(mismatch.ToString());
        var shippedNames = Directory.GetFiles(LaidOutModule, "*.dll").Select(f => ReferenceClosure.ReadIdentity(f).Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.All(mismatches, m =>
        {
            Assert.Contains(m.Name, shippedNames);
            Assert.True(m.Found > m.Referenced, m.ToString());
        });
    }

    [Fact]
    public void AnOlderSystemMemoryFailsTheClosure()
    {
        var planted = Path.Combine(Path.GetTempPath(), "bq-closure-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(planted);
        try
        {
            foreach (var file in Directory.GetFiles(LaidOutModule, "*.dll")) File.Copy(file, Path.Combine(planted, Path.GetFileName(file)));
            var memory = Path.Combine(planted, "System.Memory.dll");
            ReferenceClosure.RewriteVersion(memory, new Version(4, 0, 0, 0));
            Assert.Equal(new Version(4, 0, 0, 0), ReferenceClosure.ReadIdentity(memory).Version);

            var closure = ReferenceClosure.Check(planted, Framework472, ReferenceClosure.WindowsPowerShellHost);
            var failures = closure.Where(r => r.Problem is not null).ToList();
            foreach (var failure in failures) output.WriteLine(failure.ToString());
            Assert.NotEmpty(failures);
            Assert.All(failures, f =>
            {
                Assert.Equal("System.Memory", f.Name);
                Assert.Equal("the module ships 4.0.0.0, older than the reference", f.Problem);
            });
            Assert.Contains(failures, f => f.From == "System.Text.Json.dll");
        }
        finally
        {
            Directory.Delete(planted, recursive: true);
        }
    }

    [Fact]
    public void AReferenceThatResolvesNowhereFailsTheClosure()
    {
        // Without Windows PowerShell's own assemblies, the cmdlets' System.Management.Automation resolves nowhere.
        var closure = ReferenceClosure.Check(LaidOutModule, Framework472, new Dictionary<string, Version>());
        var failure = Assert.Single(closure, r => r.Problem is not null);
        Assert.Equal(("BackupQuery.dll", "System.Management.Automation", "Nowhere"), (failure.From, failure.Name, failure.Source));
    }
}
