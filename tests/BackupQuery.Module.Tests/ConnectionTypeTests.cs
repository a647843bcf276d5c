using System.Reflection;
using System.Text.RegularExpressions;

namespace BackupQuery.Module.Tests;

/// <summary>Connection objects show where and who, never a secret: no public member that could hold one.</summary>
public sealed class ConnectionTypeTests
{
    public static TheoryData<string> ConnectionTypes()
    {
        var data = new TheoryData<string>();
        foreach (var type in ConnectionTypesOf(ModuleUnderTest.Core)) data.Add(type.FullName!);
        return data;
    }

    internal static IEnumerable<Type> ConnectionTypesOf(Assembly assembly) => assembly.GetExportedTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && t.GetInterfaces().Any(i => i.FullName == "BackupQuery.Connections.IBackupConnection"))
        .OrderBy(t => t.FullName, StringComparer.Ordinal);

    private static readonly Regex SecretName = new("Password|Secret|Token|Session(Id|Uuid)?$|Signature|Cookie", RegexOptions.IgnoreCase);

    // Facts about a secret (when it expires, whether there is one) are fine to show; the secret itself is not.
    private static readonly HashSet<string> HarmlessTypes = ["System.DateTimeOffset", "System.DateTime", "System.TimeSpan", "System.Boolean"];

    [Fact]
    public void ThereIsAZStackConnection() => Assert.Contains("BackupQuery.ZStack.ZStackConnection", ConnectionTypesOf(ModuleUnderTest.Core).Select(t => t.FullName));

    [Theory]
    [MemberData(nameof(ConnectionTypes))]
    public void NoPublicPropertyHoldsASecret(string typeName)
    {
        var type = ModuleUnderTest.Core.GetType(typeName)!;
        var suspects = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => SecretName.IsMatch(p.Name))
            .Where(p => !HarmlessTypes.Contains(Nullable(p.PropertyType).FullName!))
            .Select(p => $"{p.Name} [{p.PropertyType.Name}]")
            .ToList();
        Assert.True(suspects.Count == 0, $"{typeName} shows what looks like a secret: {string.Join(", ", suspects)}");
        Assert.Empty(type.GetFields(BindingFlags.Public | BindingFlags.Instance));
    }

    [Theory]
    [MemberData(nameof(ConnectionTypes))]
    public void NoPublicPropertyExposesTheTransport(string typeName)
    {
        var type = ModuleUnderTest.Core.GetType(typeName)!;
        var transport = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType.Namespace is "System.Net.Http" || p.PropertyType.FullName is "System.Security.SecureString" || p.PropertyType.Name.Contains("Credential"))
            .Select(p => p.Name)
            .ToList();
        Assert.True(transport.Count == 0, $"{typeName} exposes its HTTP client or credential: {string.Join(", ", transport)}");
    }

    private static Type Nullable(Type t) => t.IsGenericType && t.GetGenericTypeDefinition().FullName == "System.Nullable`1" ? t.GetGenericArguments()[0] : t;
}
