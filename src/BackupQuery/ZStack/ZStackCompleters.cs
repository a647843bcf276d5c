using BackupQuery.PowerShell.Infrastructure;
using BackupQuery.ZStack;

namespace BackupQuery.PowerShell.ZStack;

public sealed class ZStackStateCompleter() : ValueListCompleter([.. ZStackDatabaseBackupQuery.States]);

public sealed class ZStackStatusCompleter() : ValueListCompleter([.. ZStackDatabaseBackupQuery.Statuses]);

public sealed class ZStackSortFieldCompleter() : ValueListCompleter([.. ZStackDatabaseBackupQuery.SortFields]);

public sealed class TimeZoneCompleter() : ValueListCompleter(TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).ToArray());

public sealed class ZStackConnectionNameCompleter() : ConnectionNameCompleter(typeof(ZStackConnection));
