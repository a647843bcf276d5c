using BackupQuery.HuaweiCloud;
using BackupQuery.PowerShell.Infrastructure;

namespace BackupQuery.PowerShell.HuaweiCloud;

public sealed class RegionCompleter() : ValueListCompleter([.. HuaweiCloudEndpoints.KnownRegions]);

public sealed class GeminiDbDatastoreTypeCompleter() : ValueListCompleter([.. GeminiDbBackupQuery.DatastoreTypes]);

public sealed class RdsBackupTypeCompleter() : ValueListCompleter([.. GeminiDbBackupQuery.BackupTypes, .. RdsBackupQuery.BackupTypes]);

public sealed class RdsStatusCompleter() : ValueListCompleter([.. RdsBackupQuery.Statuses]);

public sealed class VbsStatusCompleter() : ValueListCompleter([.. VbsBackupQuery.StatusValues]);

public sealed class VbsSortKeyCompleter() : ValueListCompleter([.. VbsBackupQuery.SortKeys]);

public sealed class CbrStatusCompleter() : ValueListCompleter([.. CbrBackupQuery.StatusValues]);

public sealed class CbrResourceTypeCompleter() : ValueListCompleter([.. CbrBackupQuery.ResourceTypes]);

public sealed class CbrImageTypeCompleter() : ValueListCompleter([.. CbrBackupQuery.ImageTypes]);

public sealed class CbrOwnTypeCompleter() : ValueListCompleter([.. CbrBackupQuery.OwnTypes]);

public sealed class CbrMemberStatusCompleter() : ValueListCompleter([.. CbrBackupQuery.MemberStatuses]);

public sealed class GeminiDbTypeCompleter() : ValueListCompleter([.. GeminiDbBackupQuery.Types]);

public sealed class CbrSortKeyCompleter() : ValueListCompleter([.. CbrBackupQuery.SortKeys]);

public sealed class HuaweiCloudConnectionNameCompleter() : ConnectionNameCompleter(typeof(HuaweiCloudConnection));
