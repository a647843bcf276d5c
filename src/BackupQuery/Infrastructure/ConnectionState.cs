using System.Management.Automation;
using BackupQuery.Connections;

namespace BackupQuery.PowerShell.Infrastructure;

/// <summary>
/// Runspace state shown on connection objects through BackupQuery.types.ps1xml. A code property is read when it is
/// shown, in the runspace that shows it, so it is never stale and never leaks another runspace's default.
/// </summary>
public static class ConnectionState
{
    /// <summary>True when the connection is this runspace's default of its type (what Get-* uses without -Connection).</summary>
    public static bool IsDefault(PSObject instance) =>
        instance?.BaseObject is IBackupConnection connection && RunspaceConnections.Current.IsDefault(connection);
}
