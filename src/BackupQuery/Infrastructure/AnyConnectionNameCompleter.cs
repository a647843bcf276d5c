using BackupQuery.Connections;

namespace BackupQuery.PowerShell.Infrastructure;

/// <summary>Completes -Connection with the names of this runspace's connections of every provider.</summary>
public sealed class AnyConnectionNameCompleter() : ConnectionNameCompleter(typeof(IBackupConnection));
