using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using BackupQuery.Connections;

namespace BackupQuery.PowerShell.Infrastructure;

/// <summary>
/// The connections of each runspace. Keyed on the runspace object (not a process-wide static default and not a
/// <c>$global:</c> variable), so ForEach-Object -Parallel and runbook workers each keep their own defaults.
/// </summary>
internal static class RunspaceConnections
{
    private static readonly ConditionalWeakTable<object, ConnectionSet> Sets = new();
    private static readonly object NoRunspace = new();

    public static ConnectionSet Current => Sets.GetValue(Runspace.DefaultRunspace ?? NoRunspace, _ => new ConnectionSet());

    /// <summary>This runspace's connections of a type whose names match a PowerShell wildcard (case-insensitive), oldest first.</summary>
    public static IReadOnlyList<IBackupConnection> Matching(Type connectionType, string name)
    {
        var pattern = WildcardPattern.Get(name, WildcardOptions.IgnoreCase);
        return Current.Of(connectionType).Where(c => pattern.IsMatch(c.Name)).ToList();
    }
}
