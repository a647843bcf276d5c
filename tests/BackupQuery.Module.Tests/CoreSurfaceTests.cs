using System.Reflection;

namespace BackupQuery.Module.Tests;

/// <summary>
/// Core's public types are the ones a PowerShell user meets: a cmdlet's parameter or [OutputType], the type of a public
/// property or field of one of those (to any depth, with their base types and interfaces), or an exception. Everything
/// else in Core is internal (the module, Core.Tests and the bench see it through InternalsVisibleTo), so a helper made
/// public by accident fails here instead of growing the surface unnoticed.
/// </summary>
public sealed class CoreSurfaceTests
{
    [Fact]
    public void EveryPublicCoreTypeIsOnTheCmdletSurfaceOrAnException()
    {
        var surface = SurfaceOf(ModuleUnderTest.AllCmdlets);
        var extra = ModuleUnderTest.Core.GetExportedTypes()
            .Where(t => !surface.Contains(Key(t)))
            .Select(t => t.FullName!)
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToList();
        Assert.True(extra.Count == 0,
            "Public in BackupQuery.Core but no cmdlet's parameter, output or property type, and not an exception (make it internal):\n  " +
            string.Join("\n  ", extra));
    }

    [Fact]
    public void TheSurfaceFollowsParametersOutputsPropertiesBasesAndExceptions()
    {
        var surface = SurfaceOf(ModuleUnderTest.AllCmdlets);
        Assert.Contains("BackupQuery.HuaweiCloud.CbrProtectableType", surface); // a parameter (Get-CbrProtectable -Type)
        Assert.Contains("BackupQuery.Records.CbrBackup", surface); // an [OutputType]
        Assert.Contains("BackupQuery.Records.RecordList`1", surface); // a property's generic type (CbrBackup.Children)
        Assert.Contains("BackupQuery.Records.CbrReplicationRecord", surface); // its generic argument
        Assert.Contains("BackupQuery.Records.HuaweiCloudBackupRecord", surface); // a base type
        Assert.Contains("BackupQuery.Connections.IBackupConnection", surface); // an interface of a connection
        Assert.Contains("BackupQuery.Http.ApiErrorKind", surface); // a property of an exception (ApiException.Kind)
        Assert.DoesNotContain("System.Object", surface);
    }

    /// <summary>
    /// The full names (generic definitions for generic types) of the module's own types that the cmdlets show: their
    /// parameter and output types and Core's exceptions, followed through element types, generic arguments, base types,
    /// interfaces and public properties and fields.
    /// </summary>
    internal static HashSet<string> SurfaceOf(IEnumerable<CmdletInfo> cmdlets)
    {
        var roots = new List<Type>();
        foreach (var cmdlet in cmdlets)
        {
            roots.AddRange(cmdlet.Parameters.Select(p => p.Property.PropertyType));
            roots.AddRange(cmdlet.OutputTypes.Select(o => o as Type ?? ModuleUnderTest.FindType((string)o)).OfType<Type>());
        }
        roots.AddRange(ModuleUnderTest.Core.GetExportedTypes().Where(IsException));

        var surface = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<Type>(roots);
        while (pending.Count > 0)
        {
            var type = pending.Pop();
            if (type.HasElementType)
            {
                pending.Push(type.GetElementType()!);
                continue;
            }
            if (type.IsGenericParameter) continue;
            foreach (var argument in type.IsGenericType ? type.GetGenericArguments() : []) pending.Push(argument);
            if (!IsOwn(type) || !type.IsVisible || !surface.Add(Key(type))) continue; // an internal interface shows nothing

            if (type.BaseType is { } baseType) pending.Push(baseType);
            foreach (var contract in type.GetInterfaces()) pending.Push(contract);
            const BindingFlags Public = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static;
            foreach (var property in type.GetProperties(Public)) pending.Push(property.PropertyType);
            foreach (var field in type.GetFields(Public)) pending.Push(field.FieldType);
        }
        return surface;
    }

    private static bool IsOwn(Type type) => type.Assembly.GetName().Name is { } name && name.StartsWith("BackupQuery", StringComparison.Ordinal);

    private static string Key(Type type) => (type.IsGenericType ? type.GetGenericTypeDefinition() : type).FullName!;

    private static bool IsException(Type type)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            if (t.FullName == "System.Exception") return true;
        }
        return false;
    }
}
