using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace BackupQuery.Module.Tests;

/// <summary>
/// The built cmdlet assembly (src/BackupQuery/bin/&lt;Configuration&gt;/netstandard2.0/BackupQuery.dll), loaded for
/// inspection only with MetadataLoadContext: no PowerShell engine is needed, and nothing in it runs.
/// </summary>
public static class ModuleUnderTest
{
    private static readonly Lazy<Loaded> Instance = new(Load);

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string Configuration { get; } = Metadata("Configuration") is { Length: > 0 } c ? c : "Debug";

    public static string OutputDirectory => Path.Combine(RepositoryRoot, "src", "BackupQuery", "bin", Configuration, "netstandard2.0");

    public static Assembly Cmdlets => Instance.Value.Cmdlets;

    public static Assembly Core => Instance.Value.Core;

    public static MetadataLoadContext Context => Instance.Value.Context;

    /// <summary>Every public type carrying [Cmdlet], with its attribute data read.</summary>
    public static IReadOnlyList<CmdletInfo> AllCmdlets => Instance.Value.AllCmdlets;

    public static Type? FindType(string fullName) =>
        Cmdlets.GetType(fullName) ?? Core.GetType(fullName);

    private static string? Metadata(string key) => typeof(ModuleUnderTest).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .FirstOrDefault(a => a.Key == key)?.Value;

    private static string FindRepositoryRoot()
    {
        if (Metadata("RepositoryRoot") is { Length: > 0 } root && File.Exists(Path.Combine(root, "BackupQuery.psd1"))) return root;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BackupQuery.PowerShell.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Cannot find the repository root (BackupQuery.PowerShell.sln) above " + AppContext.BaseDirectory);
    }

    private sealed record Loaded(MetadataLoadContext Context, Assembly Cmdlets, Assembly Core, IReadOnlyList<CmdletInfo> AllCmdlets);

    private static Loaded Load()
    {
        var cmdletPath = Path.Combine(OutputDirectory, "BackupQuery.dll");
        if (!File.Exists(cmdletPath)) throw new FileNotFoundException($"The cmdlet assembly was not built for {Configuration}: {cmdletPath}", cmdletPath);

        // One file per simple name: the module's own folder first (its System.Text.Json 8.0 wins over the runtime's), then
        // System.Management.Automation, then the running runtime's assemblies (netstandard.dll facade and the BCL).
        var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        void Add(string file) => byName.TryAdd(Path.GetFileNameWithoutExtension(file), file);
        foreach (var file in Directory.GetFiles(OutputDirectory, "*.dll")) Add(file);
        Add(FindSystemManagementAutomation());
        foreach (var file in Directory.GetFiles(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll")) Add(file);

        var context = new MetadataLoadContext(new PathAssemblyResolver(byName.Values), typeof(object).Assembly.GetName().Name);
        var cmdlets = context.LoadFromAssemblyPath(cmdletPath);
        var core = context.LoadFromAssemblyName("BackupQuery.Core");
        var all = cmdlets.GetExportedTypes()
            .Select(t => (Type: t, Attribute: t.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType.FullName == "System.Management.Automation.CmdletAttribute")))
            .Where(x => x.Attribute is not null)
            .Select(x => new CmdletInfo(x.Type, x.Attribute!))
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
        return new Loaded(context, cmdlets, core, all);
    }

    /// <summary>
    /// The PowerShellStandard.Library reference assembly. In order: beside the cmdlet assembly; the package folder
    /// MSBuild resolved for this test project; the cmdlet project's restore output (project.assets.json names the
    /// package folders, NUGET_PACKAGES included); NUGET_PACKAGES; ~/.nuget/packages.
    /// </summary>
    public static string FindSystemManagementAutomation()
    {
        const string Package = "powershellstandard.library";
        const string Relative = "lib/netstandard2.0/System.Management.Automation.dll";
        var candidates = new List<string> { Path.Combine(OutputDirectory, "System.Management.Automation.dll") };
        if (Metadata("PowerShellStandardLibraryPath") is { Length: > 0 } pkg) candidates.Add(Path.Combine(pkg, Relative));

        var assets = Path.Combine(RepositoryRoot, "src", "BackupQuery", "obj", "project.assets.json");
        if (File.Exists(assets))
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(assets));
            var folders = doc.RootElement.TryGetProperty("packageFolders", out var pf) ? pf.EnumerateObject().Select(p => p.Name).ToList() : [];
            if (doc.RootElement.TryGetProperty("libraries", out var libraries))
            {
                foreach (var library in libraries.EnumerateObject().Where(l => l.Name.StartsWith("PowerShellStandard.Library/", StringComparison.OrdinalIgnoreCase)))
                {
                    var path = library.Value.TryGetProperty("path", out var p) ? p.GetString() : null;
                    if (path is null) continue;
                    candidates.AddRange(folders.Select(f => Path.Combine(f, path, Relative)));
                }
            }
        }

        var roots = new[]
        {
            Environment.GetEnvironmentVariable("NUGET_PACKAGES"),
            Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"),
        };
        foreach (var root in roots.Where(r => !string.IsNullOrEmpty(r) && Directory.Exists(Path.Combine(r!, Package))))
        {
            candidates.AddRange(Directory.GetDirectories(Path.Combine(root!, Package)).OrderByDescending(d => d, StringComparer.Ordinal).Select(d => Path.Combine(d, Relative)));
        }

        return candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException("System.Management.Automation.dll (PowerShellStandard.Library) not found; looked in:\n  " + string.Join("\n  ", candidates));
    }
}

/// <summary>A cmdlet type and what its attributes say.</summary>
public sealed class CmdletInfo
{
    public CmdletInfo(Type type, CustomAttributeData cmdlet)
    {
        Type = type;
        Verb = (string)cmdlet.ConstructorArguments[0].Value!;
        Noun = (string)cmdlet.ConstructorArguments[1].Value!;
        SupportsPaging = Named(cmdlet, "SupportsPaging") is true;
        SupportsShouldProcess = Named(cmdlet, "SupportsShouldProcess") is true;
        DefaultParameterSetName = Named(cmdlet, "DefaultParameterSetName") as string;
        OutputTypes = type.GetCustomAttributesData()
            .Where(a => a.AttributeType.FullName == "System.Management.Automation.OutputTypeAttribute")
            .SelectMany(a => a.ConstructorArguments)
            .SelectMany(arg => arg.Value is IEnumerable<CustomAttributeTypedArgument> items ? items.Select(i => i.Value) : [arg.Value])
            .ToList()!;
        Parameters = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (Property: p, Attributes: p.GetCustomAttributesData().Where(a => a.AttributeType.FullName == "System.Management.Automation.ParameterAttribute").ToList()))
            .Where(x => x.Attributes.Count > 0)
            .Select(x => new ParameterInfo(x.Property, x.Attributes))
            .ToList();
    }

    public Type Type { get; }
    public string Verb { get; }
    public string Noun { get; }
    public string Name => Verb + "-" + Noun;
    public bool SupportsPaging { get; }
    public bool SupportsShouldProcess { get; }
    public string? DefaultParameterSetName { get; }

    /// <summary>What [OutputType] names: Type objects (typeof) or strings (type names).</summary>
    public IReadOnlyList<object> OutputTypes { get; }

    public IReadOnlyList<ParameterInfo> Parameters { get; }

    public override string ToString() => Name;

    internal static object? Named(CustomAttributeData data, string name) =>
        data.NamedArguments.Where(n => n.MemberName == name).Select(n => n.TypedValue.Value).FirstOrDefault();
}

/// <summary>A cmdlet parameter: its property and one entry per [Parameter] attribute (one per parameter set).</summary>
public sealed class ParameterInfo(PropertyInfo property, IReadOnlyList<CustomAttributeData> attributes)
{
    public const string AllSets = "__AllParameterSets";

    public PropertyInfo Property { get; } = property;
    public string Name => Property.Name;
    public IReadOnlyList<SetEntry> Sets { get; } = attributes.Select(a => new SetEntry(
        CmdletInfo.Named(a, "ParameterSetName") as string ?? AllSets,
        CmdletInfo.Named(a, "Mandatory") is true,
        CmdletInfo.Named(a, "Position") is int position ? position : int.MinValue,
        CmdletInfo.Named(a, "ValueFromPipeline") is true,
        CmdletInfo.Named(a, "ValueFromPipelineByPropertyName") is true,
        CmdletInfo.Named(a, "HelpMessage") as string)).ToList();

    public IReadOnlyList<string> Aliases { get; } = property.GetCustomAttributesData()
        .Where(a => a.AttributeType.FullName == "System.Management.Automation.AliasAttribute")
        .SelectMany(a => a.ConstructorArguments)
        .SelectMany(arg => arg.Value is IEnumerable<CustomAttributeTypedArgument> items ? items.Select(i => (string)i.Value!) : [(string)arg.Value!])
        .ToList();

    public bool HasAttribute(string fullName) => Property.GetCustomAttributesData().Any(a => a.AttributeType.FullName == fullName);

    public override string ToString() => Name;
}

public sealed record SetEntry(string SetName, bool Mandatory, int Position, bool ValueFromPipeline, bool ValueFromPipelineByPropertyName, string? HelpMessage)
{
    public bool IsPositional => Position != int.MinValue;
}
