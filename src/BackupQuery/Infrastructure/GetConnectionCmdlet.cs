using System.Management.Automation;
using BackupQuery.Connections;

namespace BackupQuery.PowerShell.Infrastructure;

/// <summary>
/// Base of Get-ZStackConnection and Get-HuaweiCloudConnection: this runspace's connections of one type, oldest first
/// (IsDefault marks the one the Get-* cmdlets use). An exact name that matches nothing is an ObjectNotFound error; a
/// wildcard that matches nothing is silence.
/// </summary>
public abstract class GetConnectionCmdlet<TConnection> : PSCmdlet where TConnection : class, IBackupConnection
{
    [Parameter(Position = 0, ValueFromPipeline = true, HelpMessage = "Connection name(s); wildcards allowed. Default: every connection of this session.")]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(GetConnectionNameCompleter))]
    public string[]? Name { get; set; }

    protected override void ProcessRecord()
    {
        if (Name is null)
        {
            WriteObject(RunspaceConnections.Current.Of(typeof(TConnection)), enumerateCollection: true);
            return;
        }
        var written = new HashSet<IBackupConnection>();
        foreach (var name in Name)
        {
            var matches = RunspaceConnections.Matching(typeof(TConnection), name);
            if (matches.Count == 0 && !WildcardPattern.ContainsWildcardCharacters(name))
            {
                WriteError(new ErrorRecord(new ItemNotFoundException(ProviderSurface.Of<TConnection>().NoConnectionNamed(name)),
                    "BackupQuery.ConnectionNotFound", ErrorCategory.ObjectNotFound, name));
            }
            foreach (var match in matches.Where(written.Add)) WriteObject(match);
        }
    }
}
