using System.Management.Automation;
using BackupQuery.Http;

namespace BackupQuery.PowerShell.Infrastructure;

/// <summary>Core failures to ErrorRecords: stable ids, the matching ErrorCategory, and what to do next.</summary>
internal static class ErrorRecords
{
    public static ErrorRecord From(Exception error, object? target, long writtenBefore = 0, IncompleteListing? resume = null, string? resumeNote = null)
    {
        var core = error as BackupQueryException;
        var record = new ErrorRecord(error, core?.ErrorId ?? "BackupQuery.UnexpectedError", CategoryOf(core?.Kind), resume ?? target);
        if (resume is not null && resume.RecordsWritten > 0)
        {
            // Records already written stay in the pipeline; say so, so nobody mistakes a partial listing for a whole one,
            // and say how to go on from there.
            record.ErrorDetails = new ErrorDetails($"{error.Message} {writtenBefore} record(s) were written before this failure; the listing is incomplete.")
            {
                RecommendedAction = $"To resume, run the same command with -Skip {resume.ResumeSkip}{(resume.ResumeFirst is { } f ? $" -First {f}" : "")}" +
                    (resumeNote is null ? "" : $" ({resumeNote})") + ". Records added since then shift the listing; where the cmdlet has -CreatedBefore, it pins the listing.",
            };
        }
        return record;
    }

    public static ErrorRecord NotConnected(string provider, string connectCommand) => new(
        new InvalidOperationException($"Not connected to {provider}: run {connectCommand} first, or pass -Connection."),
        "BackupQuery.NotConnected", ErrorCategory.ConnectionError, provider);

    public static ErrorCategory CategoryOf(ApiErrorKind? kind) => kind switch
    {
        ApiErrorKind.Authentication => ErrorCategory.AuthenticationError,
        ApiErrorKind.PermissionDenied => ErrorCategory.PermissionDenied,
        ApiErrorKind.NotFound => ErrorCategory.ObjectNotFound,
        ApiErrorKind.InvalidArgument => ErrorCategory.InvalidArgument,
        ApiErrorKind.Throttled => ErrorCategory.LimitsExceeded,
        ApiErrorKind.ServiceUnavailable => ErrorCategory.ResourceUnavailable,
        ApiErrorKind.Timeout => ErrorCategory.OperationTimeout,
        ApiErrorKind.Connection => ErrorCategory.ConnectionError,
        ApiErrorKind.InvalidResponse => ErrorCategory.InvalidResult,
        ApiErrorKind.ServiceError => ErrorCategory.InvalidOperation,
        ApiErrorKind.Security => ErrorCategory.SecurityError,
        _ => ErrorCategory.NotSpecified,
    };
}
