using BackupQuery.PowerShell.Infrastructure;
using BackupQuery.ZStack;

namespace BackupQuery.PowerShell.ZStack;

public sealed class ZStackStateCompleter() : ValueListCompleter([.. ZStackDatabaseBackupQuery.States]);

public sealed class ZStackStatusCompleter() : ValueListCompleter([.. ZStackDatabaseBackupQuery.Statuses]);

public sealed class ZStackSortFieldCompleter() : ValueListCompleter([.. ZStackDatabaseBackupQuery.SortFields]);

public sealed class TimeZoneCompleter() : ValueListCompleter(TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).ToArray());

public sealed class ZStackConnectionNameCompleter() : ConnectionNameCompleter(typeof(ZStackConnection));

public sealed class ZStackVolumeTypeCompleter() : ValueListCompleter([.. ZStackVolumeQuery.Types]);

public sealed class ZStackVolumeStatusCompleter() : ValueListCompleter([.. ZStackVolumeQuery.Statuses]);

public sealed class ZStackVolumeSortFieldCompleter() : ValueListCompleter([.. ZStackVolumeQuery.SortFields]);

public sealed class ZStackVolumeBackupStatusCompleter() : ValueListCompleter([.. ZStackVolumeBackupQuery.Statuses]);
