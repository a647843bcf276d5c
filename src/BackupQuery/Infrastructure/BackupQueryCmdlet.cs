using System.Management.Automation;
using BackupQuery.Execution;
using BackupQuery.Http;
using BackupQuery.Paging;
using BackupQuery.Records;

namespace BackupQuery.PowerShell.Infrastructure;

/// <summary>
/// Base of every cmdlet: owns the cancellation (Ctrl+C → StopProcessing), runs Core's async work through the
/// <see cref="PipelineBridge"/> so records, Verbose/Debug lines and progress are written on the pipeline thread, and
/// turns Core failures into ErrorRecords (terminating for an invalid invocation, non-terminating per failed request).
/// </summary>
public abstract class BackupQueryCmdlet : PSCmdlet, IListingSink
{
    private CancellationTokenSource? _cancellation;
    private int _activityId;
    private string _activity = "";
    private OddValueSummary? _oddValues;

    protected CancellationToken CancellationToken => (_cancellation ??= new CancellationTokenSource()).Token;

    protected override void BeginProcessing() => _cancellation ??= new CancellationTokenSource();

    protected override void StopProcessing() => _cancellation?.Cancel();

    protected override void EndProcessing() => _cancellation?.Dispose();

    /// <summary>Streams a listing to the pipeline. A failure is written as an error naming how many records came before it.</summary>
    private protected ListingOutcome RunListing(string activity, object target, Func<IListingChannel, CancellationToken, IAsyncEnumerable<object>> produce,
        Func<long, IncompleteListing>? resume = null)
    {
        _activity = activity;
        _activityId = Math.Abs(activity.GetHashCode() % 10000) + 1;
        _oddValues = new OddValueSummary();
        var outcome = PipelineBridge.Run(produce, this, CancellationToken);
        CompleteProgress();
        // One warning per listing, after its records, for the values it showed as null.
        if (_oddValues.Warning() is { } oddValues) WriteWarning(oddValues);
        if (outcome.Failure is { } failure) ReportFailure(failure, target, outcome.Written, resume?.Invoke(outcome.Written));
        return outcome;
    }

    /// <summary>Runs one Core call (connect, disconnect) with the same logging and error handling; returns null on failure.</summary>
    protected T? RunSingle<T>(string activity, object target, Func<CancellationToken, Task<T>> action) where T : class
    {
        T? result = null;
        _activity = activity;
        var outcome = PipelineBridge.Run((_, ct) => Once(action, ct), new CapturingSink(this, r => result = (T)r), CancellationToken);
        if (outcome.Failure is { } failure) ReportFailure(failure, target, 0);
        return result;
    }

    /// <summary>Runs a listing for what it reports (totals, logs), dropping its records; its failure is not reported.</summary>
    private protected ListingOutcome RunDiscarding(string activity, object target, Func<IListingChannel, CancellationToken, IAsyncEnumerable<object>> produce)
    {
        _activity = activity;
        return PipelineBridge.Run(produce, new CapturingSink(this, _ => { }), CancellationToken);
    }

    private static async IAsyncEnumerable<object> Once<T>(Func<CancellationToken, Task<T>> action, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return (await action(cancellationToken).ConfigureAwait(false))!;
    }

    protected void ReportFailure(Exception failure, object target, long written, IncompleteListing? resume = null)
    {
        if (failure is OperationCanceledException && CancellationToken.IsCancellationRequested) return;
        var error = ErrorRecords.From(failure, target, written, resume, ResumeNote);
        // A request the user could not have made valid by waiting (bad filter, bad parameters) is an invalid invocation.
        if (failure is BackupQueryException { Kind: ApiErrorKind.InvalidArgument } and not ApiException) ThrowTerminatingError(error);
        WriteError(error);
    }

    /// <summary>What a user resuming a failed listing with -Skip should know about this API, if anything.</summary>
    protected virtual string? ResumeNote => null;

    /// <summary>The explicit -Connection, else this runspace's default of that type, else a terminating "not connected" error.</summary>
    protected TConnection[] ResolveConnections<TConnection>(TConnection[]? explicitConnections)
        where TConnection : class, Connections.IBackupConnection
    {
        if (explicitConnections is not null) return explicitConnections;
        var current = RunspaceConnections.Current.DefaultOf<TConnection>();
        if (current is null)
        {
            var provider = ProviderSurface.Of<TConnection>();
            ThrowTerminatingError(ErrorRecords.NotConnected(provider.Name, provider.ConnectCommand));
        }
        return [current!];
    }

    /// <summary>A switch as a tri-state filter: null when not given (send nothing), else its value (<c>-Switch:$false</c> sends false).</summary>
    protected bool? BoundSwitch(string name) =>
        MyInvocation.BoundParameters.TryGetValue(name, out var value) ? value is SwitchParameter s ? s.IsPresent : value as bool? : null;

    /// <summary>The caller's -First/-Skip/-PageSize as Core paging options wired to this cmdlet's progress and total count.</summary>
    private protected static PagingOptions Paging(IListingChannel channel, long skip, long? first, int? pageSize, Action<long>? onSkipped = null) => new()
    {
        Skip = skip,
        First = first,
        PageSize = pageSize,
        OnProgress = channel.Progress,
        OnTotal = channel.Total,
        OnSkipped = onSkipped,
    };

    // Read as PowerShell reads it: a script's own `$DebugPreference = 'Continue'` holds a string, not the enum.
    bool IListingSink.IsDebugEnabled =>
        MyInvocation.BoundParameters.TryGetValue("Debug", out var debug) ? debug is SwitchParameter { IsPresent: true } :
        LanguagePrimitives.TryConvertTo(GetVariableValue("DebugPreference"), out ActionPreference pref) &&
        pref is not (ActionPreference.SilentlyContinue or ActionPreference.Ignore);

    void IListingSink.WriteRecord(object record)
    {
        _oddValues?.Add(record);
        WriteObject(ForOutput(record));
    }

    /// <summary>The object written for a record; a cmdlet may name a narrower view of it (a PSObject type name).</summary>
    protected virtual object ForOutput(object record) => record;

    void IListingSink.WriteVerbose(string message) => WriteVerbose(message);

    void IListingSink.WriteDebug(string message) => WriteDebug(message);

    void IListingSink.WriteWarning(string message) => WriteWarning(message);

    void IListingSink.WriteProgress(ListingProgress progress)
    {
        // A single page is over before a bar would help; show one from the second page on.
        if (progress.Pages < 2 && progress.Total is null or <= 1000) return;
        var status = progress.Total is { } total ? $"{progress.Emitted} of {total} records, page {progress.Pages}" : $"{progress.Emitted} records, page {progress.Pages}";
        var record = new ProgressRecord(_activityId, _activity, status);
        if (progress.Total is { } t and > 0) record.PercentComplete = (int)Math.Min(100, progress.Emitted * 100 / t);
        WriteProgress(record);
    }

    void IListingSink.WriteTotalCount(long total) => OnTotalCount(total);

    /// <summary>Listing cmdlets with SupportsPaging write the total when -IncludeTotalCount asks for it.</summary>
    protected virtual void OnTotalCount(long total) { }

    private void CompleteProgress()
    {
        if (_activityId == 0) return;
        WriteProgress(new ProgressRecord(_activityId, _activity, "Done") { RecordType = ProgressRecordType.Completed });
    }

    /// <summary>Passes everything on to the cmdlet but hands records to a callback instead of the pipeline.</summary>
    private sealed class CapturingSink(IListingSink inner, Action<object> capture) : IListingSink
    {
        public bool IsDebugEnabled => inner.IsDebugEnabled;
        public void WriteRecord(object record) => capture(record);
        public void WriteVerbose(string message) => inner.WriteVerbose(message);
        public void WriteDebug(string message) => inner.WriteDebug(message);
        public void WriteWarning(string message) => inner.WriteWarning(message);
        public void WriteProgress(ListingProgress progress) => inner.WriteProgress(progress);
        public void WriteTotalCount(long total) => inner.WriteTotalCount(total);
    }
}
