using BackupQuery.Paging;

namespace BackupQuery.Execution;

/// <summary>The receiving end of a listing, called on the thread that runs <see cref="PipelineBridge.Run"/> only
/// (the cmdlet base implements it with WriteObject, WriteVerbose, WriteProgress...).</summary>
internal interface IListingSink
{
    bool IsDebugEnabled { get; }
    void WriteRecord(object record);
    void WriteVerbose(string message);
    void WriteDebug(string message);
    void WriteWarning(string message);
    void WriteProgress(ListingProgress progress);
    void WriteTotalCount(long total);
}

/// <summary>What a producer may report besides records; safe to call from any thread.</summary>
internal interface IListingChannel
{
    void Progress(ListingProgress progress);
    void Total(long total);
}

/// <summary>How a listing ended: how many records reached the sink, and the failure that stopped it, if any.</summary>
internal sealed record ListingOutcome(long Written, Exception? Failure);
