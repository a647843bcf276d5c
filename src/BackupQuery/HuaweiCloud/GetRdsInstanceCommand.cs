using System.Management.Automation;
using BackupQuery.HuaweiCloud;
using BackupQuery.Paging;
using BackupQuery.PowerShell.Infrastructure;
using BackupQuery.Records;

namespace BackupQuery.PowerShell.HuaweiCloud;

/// <summary>Lists database instances with their automated-backup setting: GeminiDB by default, relational RDS with -Service RDS.</summary>
[Cmdlet(VerbsCommon.Get, "RdsInstance", SupportsPaging = true, HelpUri = HelpLinks.Docs + "Get-RdsInstance.md")]
[OutputType(typeof(DatabaseInstance))]
public sealed class GetRdsInstanceCommand : HuaweiCloudListingCmdlet
{
    [Parameter(HelpMessage = "Which service's instances (default GeminiDB); Tab lists the services.")]
    public RdsBackupService Service { get; set; } = RdsBackupService.GeminiDB;

    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true, HelpMessage = "Instance id.")]
    [Alias("InstanceId")]
    [ValidateNotNullOrEmpty]
    public string? Id { get; set; }

    [Parameter(HelpMessage = "Instance name; a leading * asks the server for a fuzzy match.")]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    [Parameter(HelpMessage = "Database type of the service; Tab lists the documented values.")]
    [ArgumentCompleter(typeof(DatastoreTypeCompleter))]
    [ValidateNotNullOrEmpty]
    public string? DatastoreType { get; set; }

    [Parameter(HelpMessage = "Records per request, 1-100 (default 100); a hint, never a cap on the results.")]
    [ValidateRange(1, 100)]
    public int PageSize { get; set; } = 100;

    protected override string Activity => $"Listing {Service} instances";
    protected override int? RequestedPageSize => PageSize;

    private protected override IAsyncEnumerable<object> List(HuaweiCloudConnection connection, PagingOptions paging, CancellationToken cancellationToken)
    {
        var query = new DatabaseInstanceQuery { Id = Id, Name = Name, DatastoreType = DatastoreType };
        return Service == RdsBackupService.RDS
            ? connection.GetRdsInstancesAsync(query, paging, cancellationToken)
            : connection.GetGeminiDbInstancesAsync(query, paging, cancellationToken);
    }
}
