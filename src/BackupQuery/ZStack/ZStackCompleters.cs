using BackupQuery.PowerShell.Infrastructure;

namespace BackupQuery.PowerShell.ZStack;

public sealed class ZStackStateCompleter() : ValueListCompleter("Enabled", "Disabled");

public sealed class ZStackStatusCompleter() : ValueListCompleter("Ready", "Creating");

public sealed class ZStackSortFieldCompleter() : ValueListCompleter("createDate", "lastOpDate", "name", "size", "status", "state", "uuid");

public sealed class TimeZoneCompleter() : ValueListCompleter(TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).ToArray());
