using System.Management.Automation;

namespace BackupQuery.Bench;

/// <summary><c>Measure-DistinctId</c>: the pipeline's consumer in the cmdlet runs, counting records and distinct ids
/// (a compiled cmdlet, so the count costs about what Measure-Object does).</summary>
[Cmdlet(VerbsDiagnostic.Measure, "DistinctId")]
[OutputType(typeof(long[]))]
public sealed class MeasureDistinctIdCommand : PSCmdlet
{
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private long _records;

    [Parameter(ValueFromPipeline = true, Mandatory = true)]
    public PSObject InputObject { get; set; } = null!;

    protected override void ProcessRecord()
    {
        _records++;
        _ids.Add((string)InputObject.Properties["Id"].Value);
    }

    protected override void EndProcessing() => WriteObject(new[] { _records, (long)_ids.Count });
}
