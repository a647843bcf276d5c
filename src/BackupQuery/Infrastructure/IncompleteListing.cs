namespace BackupQuery.PowerShell.Infrastructure;

/// <summary>
/// The target of the error a listing writes when it fails after writing records: how many were written, and the
/// <c>-Skip</c> (and <c>-First</c>) that take the same command on from there, so a runbook can resume it.
/// </summary>
public sealed class IncompleteListing
{
    internal IncompleteListing(string connection, long recordsWritten, long resumeSkip, long? resumeFirst)
    {
        Connection = connection;
        RecordsWritten = recordsWritten;
        ResumeSkip = resumeSkip;
        ResumeFirst = resumeFirst;
    }

    /// <summary>The connection whose listing failed.</summary>
    public string Connection { get; }

    /// <summary>Records this command wrote before the failure, over every connection.</summary>
    public long RecordsWritten { get; }

    /// <summary>The <c>-Skip</c> that resumes the command where it stopped.</summary>
    public long ResumeSkip { get; }

    /// <summary>The <c>-First</c> that keeps the command's bound, or null when it had none.</summary>
    public long? ResumeFirst { get; }

    public override string ToString() => $"{Connection}: {RecordsWritten} record(s) written; resume with -Skip {ResumeSkip}{(ResumeFirst is { } f ? $" -First {f}" : "")}";
}
