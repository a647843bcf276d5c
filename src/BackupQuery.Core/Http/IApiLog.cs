namespace BackupQuery.Http;

/// <summary>Where Core's diagnostics go; the cmdlet base routes them to WriteVerbose / WriteDebug / WriteWarning.</summary>
internal interface IApiLog
{
    /// <summary>True when Debug output is wanted: only then are bodies buffered for display.</summary>
    bool IsDebugEnabled { get; }

    void Verbose(string message);

    void Debug(string message);

    void Warning(string message);
}

/// <summary>The log of the listing running on this async flow; silent when none was set.</summary>
internal static class ApiLog
{
    private static readonly AsyncLocal<IApiLog?> CurrentLog = new();

    public static IApiLog Current => CurrentLog.Value ?? NullApiLog.Instance;

    /// <summary>Routes the logs of everything started inside the scope (on any thread it flows to) to <paramref name="log"/>.</summary>
    public static IDisposable Use(IApiLog log)
    {
        var previous = CurrentLog.Value;
        CurrentLog.Value = log;
        return new Restore(() => CurrentLog.Value = previous);
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}

internal sealed class NullApiLog : IApiLog
{
    public static readonly NullApiLog Instance = new();
    public bool IsDebugEnabled => false;
    public void Verbose(string message) { }
    public void Debug(string message) { }
    public void Warning(string message) { }
}
