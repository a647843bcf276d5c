using System.Management.Automation;
using BackupQuery.HuaweiCloud;
using BackupQuery.ZStack;

namespace BackupQuery.PowerShell.Infrastructure;

/// <summary>The cmdlet nouns: each provider's name, as Core states it.</summary>
internal static class ProviderNoun
{
    public const string ZStack = ZStackProtocol.ProviderName;
    public const string HuaweiCloud = HuaweiCloudProtocol.ProviderName;
}

/// <summary>
/// The PowerShell face of a provider, found from its connection type: its name and the cmdlets a message should name.
/// The one place that ties a connection type to a noun.
/// </summary>
internal sealed class ProviderSurface
{
    private static readonly ProviderSurface[] Known =
    [
        new(typeof(ZStackConnection), ProviderNoun.ZStack),
        new(typeof(HuaweiCloudConnection), ProviderNoun.HuaweiCloud),
    ];

    private ProviderSurface(Type connectionType, string name)
    {
        ConnectionType = connectionType;
        Name = name;
    }

    public Type ConnectionType { get; }
    public string Name { get; }
    public string ConnectCommand => $"{VerbsCommunications.Connect}-{Name}";
    public string GetConnectionCommand => $"{VerbsCommon.Get}-{Name}Connection";

    /// <summary>What to say when no connection of this provider has <paramref name="name"/>.</summary>
    public string NoConnectionNamed(string name) =>
        $"This session has no {Name} connection named '{name}'. {GetConnectionCommand} lists them; {ConnectCommand} -Name '{name}' makes one.";

    public static ProviderSurface Of(Type connectionType) =>
        Known.FirstOrDefault(p => p.ConnectionType == connectionType)
        ?? throw new ArgumentOutOfRangeException(nameof(connectionType), connectionType, "Not a connection type of this module.");

    public static ProviderSurface Of<TConnection>() => Of(typeof(TConnection));

    /// <summary>The provider whose Get-*Connection is <paramref name="commandName"/> (module-qualified or not), or null.</summary>
    public static ProviderSurface? OfGetConnectionCommand(string? commandName)
    {
        var name = commandName?.Substring(commandName.LastIndexOf('\\') + 1);
        return Known.FirstOrDefault(p => string.Equals(p.GetConnectionCommand, name, StringComparison.OrdinalIgnoreCase));
    }
}
