using System.Reflection;
using System.Runtime.Loader;
using BackupQuery.PowerShell.Tests.Support;

namespace BackupQuery.PowerShell.Tests;

/// <summary>Counts the process's AssemblyResolve handlers, so nothing else may import or remove the module meanwhile.</summary>
[CollectionDefinition(nameof(AssemblyResolveCollection), DisableParallelization = true)]
public sealed class AssemblyResolveCollection;

/// <summary>
/// ModuleInitializer's resolver, on the assembly the hosted engine loaded from out/BackupQuery: a shipped name at any
/// version gives the copy beside the module, anything else nothing; Import-Module adds the handler to the process's
/// AssemblyResolve event and Remove-Module takes it away. (What it has to cover on .NET Framework is in
/// BackupQuery.Module.Tests' ReferenceClosureTests.)
/// </summary>
[Collection(nameof(AssemblyResolveCollection))]
public sealed class ModuleInitializerTests
{
    private const string InitializerType = "BackupQuery.PowerShell.Infrastructure.ModuleInitializer";
    private const BindingFlags Private = BindingFlags.NonPublic | BindingFlags.Static;

    public static TheoryData<string, string> ShippedNamesAtVersions()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in Directory.GetFiles(TestPaths.ModuleDirectory, "*.dll").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            foreach (var version in new[] { "0.0.0.0", "4.0.1.2", "99.0.0.0" }) data.Add(name, $"{name}, Version={version}, Culture=neutral, PublicKeyToken=null");
            data.Add(name, name);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ShippedNamesAtVersions))]
    public void AShippedNameAtAnyVersionGivesTheShippedFile(string name, string requested)
    {
        Assert.Equal(Path.Combine(TestPaths.ModuleDirectory, name + ".dll"), BundledPath(requested));
    }

    [Theory]
    [InlineData("Newtonsoft.Json, Version=13.0.0.0, Culture=neutral, PublicKeyToken=30ad4fe6b2a6aeed")]
    [InlineData("System.Xml")]
    [InlineData("System.Management.Automation, Version=3.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35")]
    [InlineData("BackupQuery.resources, Version=0.1.0.0, Culture=de-DE, PublicKeyToken=null")]
    [InlineData("System.Text")]
    public void AnyOtherNameGivesNothing(string requested)
    {
        Assert.Null(BundledPath(requested));
    }

    [Fact]
    public void TheHandlerLoadsTheShippedAssemblyAndDeclinesTheRest()
    {
        var resolve = LoadedInitializer().GetMethod("ResolveBundled", Private)!;
        var core = (Assembly?)resolve.Invoke(null, [null, new ResolveEventArgs("BackupQuery.Core, Version=9.9.9.9, Culture=neutral, PublicKeyToken=null")]);
        Assert.NotNull(core);
        Assert.Equal(("BackupQuery.Core", Path.Combine(TestPaths.ModuleDirectory, "BackupQuery.Core.dll")), (core.GetName().Name, core.Location));
        Assert.Null(resolve.Invoke(null, [null, new ResolveEventArgs("Not.Shipped, Version=1.0.0.0")]));
    }

    [Fact]
    public void ImportModuleAddsTheResolverAndRemoveModuleTakesItAway()
    {
        using var runspace = HostedRunspace.Open();
        using var shell = System.Management.Automation.PowerShell.Create(runspace);
        var before = ResolverHandlers();

        shell.AddScript("Import-Module -Name $args[0] -ErrorAction Stop").AddArgument(ModuleLayout.EnsureBuilt()).Invoke();
        Assert.Equal(before + 1, ResolverHandlers());

        shell.Commands.Clear();
        shell.AddScript("Remove-Module BackupQuery -ErrorAction Stop").Invoke();
        Assert.False(shell.HadErrors, string.Join("; ", shell.Streams.Error));
        Assert.Equal(before, ResolverHandlers());
    }

    private static string? BundledPath(string requested) =>
        (string?)LoadedInitializer().GetMethod("BundledPath", Private)!.Invoke(null, [TestPaths.ModuleDirectory, requested]);

    /// <summary>The initializer type of the module assembly loaded from out/BackupQuery (imported once if need be).</summary>
    private static Type LoadedInitializer()
    {
        var path = Path.Combine(TestPaths.ModuleDirectory, "BackupQuery.dll");
        var loaded = AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => !a.IsDynamic && a.Location == path);
        if (loaded is null)
        {
            using var session = PowerShellSession.Start();
            loaded = AppDomain.CurrentDomain.GetAssemblies().Single(a => !a.IsDynamic && a.Location == path);
        }
        return loaded.GetType(InitializerType, throwOnError: true)!;
    }

    /// <summary>
    /// How many of the process's AssemblyResolve handlers are ModuleInitializer's. On .NET, AppDomain.AssemblyResolve
    /// adds to AssemblyLoadContext's static AssemblyResolve event, read here through its backing field.
    /// </summary>
    private static int ResolverHandlers()
    {
        var field = typeof(AssemblyLoadContext).GetField("AssemblyResolve", Private)
            ?? throw new InvalidOperationException("This .NET has no AssemblyLoadContext.AssemblyResolve field to read the handlers from.");
        var handlers = (Delegate?)field.GetValue(null);
        return handlers?.GetInvocationList().Count(h => h.Method.DeclaringType?.FullName == InitializerType) ?? 0;
    }
}
