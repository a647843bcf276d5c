using System.Management.Automation;
using System.Reflection;

namespace BackupQuery.PowerShell.Infrastructure;

/// <summary>
/// Windows PowerShell 5.1 has no System.Text.Json: resolve the copies shipped beside the module there. PowerShell 7.4+
/// already loads the same 8.0 assembly version, so this resolver never fires in it.
/// </summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    private static readonly string ModuleDirectory = Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location) ?? ".";

    public void OnImport() => AppDomain.CurrentDomain.AssemblyResolve += ResolveBundled;

    public void OnRemove(PSModuleInfo psModuleInfo) => AppDomain.CurrentDomain.AssemblyResolve -= ResolveBundled;

    private static Assembly? ResolveBundled(object? sender, ResolveEventArgs args) =>
        BundledPath(ModuleDirectory, args.Name) is { } path ? Assembly.LoadFrom(path) : null;

    /// <summary>
    /// The DLL beside the module that answers a request for <paramref name="requestedName"/>: a shipped name at any
    /// version (.NET Framework has no binding redirects for a module), else null.
    /// </summary>
    internal static string? BundledPath(string moduleDirectory, string requestedName)
    {
        var candidate = Path.Combine(moduleDirectory, new AssemblyName(requestedName).Name + ".dll");
        return File.Exists(candidate) ? candidate : null;
    }
}
