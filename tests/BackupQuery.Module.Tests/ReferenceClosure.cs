using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace BackupQuery.Module.Tests;

/// <summary>An assembly's simple name and version, as its metadata states them.</summary>
public sealed record AssemblyIdentity(string Name, Version Version);

/// <summary>Where one assembly reference of a shipped DLL binds in Windows PowerShell 5.1 (.NET Framework 4.7.2).</summary>
/// <param name="From">The shipped DLL that holds the reference.</param>
/// <param name="Name">The referenced assembly's simple name.</param>
/// <param name="Referenced">The version the reference asks for.</param>
/// <param name="Source">Framework, Host (Windows PowerShell itself), Shipped (beside the module, through its resolver) or Nowhere.</param>
/// <param name="Found">The version found there; null when none.</param>
/// <param name="Problem">Why it does not bind; null when it does.</param>
public sealed record ClosureReference(string From, string Name, Version Referenced, string Source, Version? Found, string? Problem)
{
    /// <summary>A shipped assembly at another version than referenced: it binds only through the module's resolver.</summary>
    public bool IsVersionMismatch => Source == "Shipped" && Found != Referenced;

    public override string ToString() =>
        $"{From} -> {Name} {Referenced}: {Source} {Found?.ToString() ?? "-"}{(Problem is null ? "" : " (" + Problem + ")")}";
}

/// <summary>
/// The reference closure of a module folder on .NET Framework 4.7.2, read with System.Reflection.Metadata (nothing is
/// loaded): every reference of every DLL in the folder, bound as Windows PowerShell 5.1 binds it. The framework comes
/// first (a framework assembly at the referenced version or later wins, by unification); then what Windows PowerShell
/// itself provides; then the module's resolver (ModuleInitializer.ResolveBundled), which answers a failed bind of any
/// shipped name, at any version, with the copy beside the module. A shipped copy older than a reference fails the check:
/// the resolver would hand it over, and the first member missing from it would throw at run time.
/// </summary>
public static class ReferenceClosure
{
    /// <summary>What Windows PowerShell 5.1 provides itself (not in the framework's reference assemblies).</summary>
    public static IReadOnlyDictionary<string, Version> WindowsPowerShellHost { get; } = new Dictionary<string, Version>(StringComparer.OrdinalIgnoreCase)
    {
        ["System.Management.Automation"] = new(3, 0, 0, 0),
    };

    public static IReadOnlyList<ClosureReference> Check(string moduleDirectory, string frameworkDirectory, IReadOnlyDictionary<string, Version> host)
    {
        var shipped = Directory.GetFiles(moduleDirectory, "*.dll").ToDictionary(f => ReadIdentity(f).Name, f => f, StringComparer.OrdinalIgnoreCase);
        var shippedVersions = shipped.ToDictionary(p => p.Key, p => ReadIdentity(p.Value).Version, StringComparer.OrdinalIgnoreCase);
        var framework = new Dictionary<string, Version>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in Directory.GetFiles(frameworkDirectory, "*.dll").Concat(Directory.GetFiles(Path.Combine(frameworkDirectory, "Facades"), "*.dll")))
        {
            // The folder also holds a few files that are not assemblies (netmodules); they bind nothing.
            if (TryReadIdentity(file) is { } identity) framework.TryAdd(identity.Name, identity.Version);
        }

        var result = new List<ClosureReference>();
        foreach (var (name, path) in shipped.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            foreach (var reference in ReadReferences(path))
            {
                result.Add(Bind(Path.GetFileName(path), reference.Name, reference.Version, framework, host, shippedVersions));
            }
        }
        return result;
    }

    private static ClosureReference Bind(string from, string name, Version referenced, Dictionary<string, Version> framework,
        IReadOnlyDictionary<string, Version> host, Dictionary<string, Version> shipped)
    {
        if (framework.TryGetValue(name, out var inFramework) && inFramework >= referenced) return new(from, name, referenced, "Framework", inFramework, null);
        if (host.TryGetValue(name, out var inHost) && inHost >= referenced) return new(from, name, referenced, "Host", inHost, null);
        if (shipped.TryGetValue(name, out var beside))
        {
            return beside >= referenced
                ? new(from, name, referenced, "Shipped", beside, null)
                : new(from, name, referenced, "Shipped", beside, $"the module ships {beside}, older than the reference");
        }
        var problem = inFramework is not null ? $"the framework has {inFramework}, older than the reference, and the module does not ship it"
            : inHost is not null ? $"Windows PowerShell has {inHost}, older than the reference"
            : "resolves nowhere: not in the framework, not in Windows PowerShell, not shipped";
        return new(from, name, referenced, inFramework is not null ? "Framework" : inHost is not null ? "Host" : "Nowhere", inFramework ?? inHost, problem);
    }

    public static AssemblyIdentity ReadIdentity(string path) =>
        TryReadIdentity(path) ?? throw new InvalidDataException($"{path} is not an assembly.");

    private static AssemblyIdentity? TryReadIdentity(string path)
    {
        using var pe = new PEReader(File.OpenRead(path));
        if (!pe.HasMetadata) return null;
        var reader = pe.GetMetadataReader();
        if (!reader.IsAssembly) return null;
        var definition = reader.GetAssemblyDefinition();
        return new AssemblyIdentity(reader.GetString(definition.Name), definition.Version);
    }

    private static List<AssemblyIdentity> ReadReferences(string path)
    {
        using var pe = new PEReader(File.OpenRead(path));
        var reader = pe.GetMetadataReader();
        return reader.AssemblyReferences
            .Select(h => reader.GetAssemblyReference(h))
            .Select(r => new AssemblyIdentity(reader.GetString(r.Name), r.Version))
            .ToList();
    }

    /// <summary>
    /// Rewrites the assembly version in a copy's metadata (the Assembly table's version columns), in place: how a test
    /// plants an older copy of a shipped DLL without another package. The file is for reading only afterwards (its
    /// strong-name signature no longer matches).
    /// </summary>
    public static void RewriteVersion(string path, Version version)
    {
        long offset;
        using (var pe = new PEReader(File.OpenRead(path)))
        {
            var reader = pe.GetMetadataReader();
            // The Assembly row: HashAlgId (4 bytes), then Major, Minor, Build, Revision (2 bytes each).
            offset = pe.PEHeaders.MetadataStartOffset + reader.GetTableMetadataOffset(TableIndex.Assembly) + 4;
        }
        using var file = File.Open(path, FileMode.Open, FileAccess.ReadWrite);
        file.Position = offset;
        using var writer = new BinaryWriter(file);
        foreach (var part in new[] { version.Major, version.Minor, version.Build, version.Revision }) writer.Write((ushort)part);
    }
}
