using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using BackupQuery.PowerShell.Infrastructure;
using BackupQuery.ZStack;

namespace BackupQuery.PowerShell.ZStack;

public sealed class ZStackStateCompleter() : ValueListCompleter([.. ZStackDatabaseBackupQuery.States]);

public sealed class ZStackStatusCompleter() : ValueListCompleter([.. ZStackDatabaseBackupQuery.Statuses]);

/// <summary>Completes -SortBy with the sort fields of the command's own Core query.</summary>
public sealed class ZStackSortFieldCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        ValueListCompleter.Complete(ZStackQueryListingCmdlet.SortFieldsOf(commandName), wordToComplete);
}

public sealed class TimeZoneCompleter() : ValueListCompleter(TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).ToArray());

public sealed class ZStackConnectionNameCompleter() : ConnectionNameCompleter(typeof(ZStackConnection));

public sealed class ZStackVolumeTypeCompleter() : ValueListCompleter([.. ZStackVolumeQuery.Types]);

public sealed class ZStackVolumeStatusCompleter() : ValueListCompleter([.. ZStackVolumeQuery.Statuses]);

public sealed class ZStackVolumeBackupStatusCompleter() : ValueListCompleter([.. ZStackVolumeBackupQuery.Statuses]);
