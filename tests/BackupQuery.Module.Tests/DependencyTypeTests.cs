using System.Reflection;

namespace BackupQuery.Module.Tests;

/// <summary>
/// No type of a bundled dependency (the layout's <c>DependencyAssembly</c> items: System.Text.Json and what it needs) is
/// on a public cmdlet surface: not a parameter type, not an [OutputType], and not the type of a public property or
/// field of an output or parameter type, followed through the module's own types to any depth. PowerShell 7 loads its
/// own copies of those assemblies, other modules load other versions, and a type from them in a signature would tie
/// users' scripts to the copy that happened to load first.
/// </summary>
public sealed class DependencyTypeTests
{
    /// <summary>
    /// The bundled dependencies' file names, read from the allow-list in tools/BackupQuery.ModuleLayout (the one place
    /// they are written).
    /// </summary>
    public static IReadOnlySet<string> DependencyAssemblies { get; } = LayoutAllowList.Items("DependencyAssembly")
        .ToHashSet(StringComparer.OrdinalIgnoreCase);

    public static TheoryData<string> CmdletNames() => CmdletContractTests.CmdletNames();

    [Fact]
    public void TheDependencyListIsReadFromTheLayoutProject()
    {
        Assert.Contains("System.Text.Json.dll", DependencyAssemblies);
        Assert.Contains("Microsoft.Bcl.AsyncInterfaces.dll", DependencyAssemblies);
        Assert.Contains("System.Memory.dll", DependencyAssemblies);
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void NoDependencyTypeOnTheCmdletSurface(string name)
    {
        var cmdlet = ModuleUnderTest.AllCmdlets.Single(c => c.Name == name);
        var leaks = new List<string>();
        var visited = new HashSet<Type>();
        foreach (var parameter in cmdlet.Parameters) FindLeaks(parameter.Property.PropertyType, $"-{parameter.Name}", visited, leaks);
        foreach (var output in cmdlet.OutputTypes)
        {
            var type = output as Type ?? ModuleUnderTest.FindType((string)output);
            if (type is not null) FindLeaks(type, $"[OutputType({type.Name})]", visited, leaks);
        }
        Assert.True(leaks.Count == 0, $"{name} exposes types of bundled dependencies:\n  " + string.Join("\n  ", leaks));
    }

    [Fact]
    public void TheCheckFindsADependencyTypeInsideArraysGenericsAndModuleTypes()
    {
        var json = ModuleUnderTest.Context.LoadFromAssemblyName("System.Text.Json").GetType("System.Text.Json.JsonElement", throwOnError: true)!;
        var list = ModuleUnderTest.Context.CoreAssembly!.GetType("System.Collections.Generic.IReadOnlyList`1", throwOnError: true)!;
        var found = new List<string>();
        FindLeaks(list.MakeGenericType(json.MakeArrayType()), "-Planted", [], found);
        Assert.Equal(["-Planted: System.Text.Json.JsonElement (System.Text.Json)"], found);

        // A module type is followed into its public properties: a record holding nothing from a dependency is clean.
        var record = ModuleUnderTest.FindType("BackupQuery.ZStack.ZStackConnection")!;
        found.Clear();
        FindLeaks(record, "[OutputType(ZStackConnection)]", [], found);
        Assert.Empty(found);
    }

    /// <summary>
    /// Adds to <paramref name="leaks"/> every dependency type in <paramref name="type"/> (itself, its element type,
    /// its generic arguments) and, for the module's own types, in their public properties and fields, recursively.
    /// </summary>
    internal static void FindLeaks(Type type, string path, HashSet<Type> visited, List<string> leaks)
    {
        if (type.HasElementType)
        {
            FindLeaks(type.GetElementType()!, path, visited, leaks);
            return;
        }
        if (type.IsGenericType)
        {
            foreach (var argument in type.GetGenericArguments()) FindLeaks(argument, path, visited, leaks);
        }
        var assembly = type.Assembly.GetName().Name ?? "";
        if (DependencyAssemblies.Contains(assembly + ".dll"))
        {
            leaks.Add($"{path}: {type.FullName ?? type.Name} ({assembly})");
            return;
        }
        if (!assembly.StartsWith("BackupQuery", StringComparison.Ordinal) || !visited.Add(type)) return;

        const BindingFlags Public = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static;
        foreach (var property in type.GetProperties(Public)) FindLeaks(property.PropertyType, $"{path}.{property.Name}", visited, leaks);
        foreach (var field in type.GetFields(Public)) FindLeaks(field.FieldType, $"{path}.{field.Name}", visited, leaks);
    }
}
