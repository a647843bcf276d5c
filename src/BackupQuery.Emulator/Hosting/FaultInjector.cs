using System.Collections.Concurrent;

namespace BackupQuery.Emulator.Hosting;

public enum FaultKind
{
    /// <summary>429 with the provider's throttling body and a Retry-After header.</summary>
    TooManyRequests,
    /// <summary>A bare HTTP status (502/503/504...) with a short non-JSON body.</summary>
    Status,
    /// <summary>Waits <see cref="FaultRule.Delay"/>, then serves the request normally.</summary>
    Delay,
    /// <summary>Aborts the connection without a response.</summary>
    ConnectionReset,
    /// <summary>Serves the real reply cut off in the middle.</summary>
    TruncatedJson,
    /// <summary>Serves a 200 whose body is not JSON.</summary>
    MalformedJson,
    /// <summary>Invalidates every ZStack session and IAM token, then serves the request (which then fails auth).</summary>
    ExpireCredentials,
    /// <summary>Serves the request, then adds <see cref="FaultRule.InsertCount"/> records at the head of the listings.</summary>
    HeadInsert,
    /// <summary>Serves the real reply with one record made odd (<see cref="FaultRule.OddRecord"/>).</summary>
    OddRecord,
    /// <summary>Serves the real reply with its records left out and its total kept.</summary>
    EmptyPage,
    /// <summary>Serves the request with every reply header name in lower case, as an HTTP/2 hop (proxy, gateway) passes them on.</summary>
    LowercaseHeaders,
}

/// <summary>One fault: applies to requests whose path starts with <see cref="PathPrefix"/>, skipping the first
/// <see cref="AfterRequests"/> matches, then hitting the next <see cref="Times"/> ones.</summary>
public sealed record FaultRule(string PathPrefix, FaultKind Kind, int Times = 1)
{
    public int AfterRequests { get; init; }
    public int StatusCode { get; init; } = 503;
    public TimeSpan? RetryAfter { get; init; }
    public TimeSpan Delay { get; init; }
    public int InsertCount { get; init; } = 1;
    public OddRecordKind OddRecord { get; init; }
}

/// <summary>Faults a test (or the command line) arms for this run. Thread-safe.</summary>
public sealed class FaultInjector
{
    private sealed class Armed(FaultRule rule)
    {
        public FaultRule Rule { get; } = rule;
        public int Seen;
    }

    private readonly ConcurrentQueue<Armed> _rules = new();

    public void Add(FaultRule rule) => _rules.Enqueue(new Armed(rule));

    public void Clear() => _rules.Clear();

    /// <summary>The fault to apply to a request on <paramref name="path"/>, if any; counts the request against every matching rule.</summary>
    public FaultRule? Take(string path)
    {
        // Every matching rule counts the request, so several rules on one path keep their own offsets.
        FaultRule? hit = null;
        foreach (var armed in _rules)
        {
            if (!path.StartsWith(armed.Rule.PathPrefix, StringComparison.Ordinal)) continue;
            var n = Interlocked.Increment(ref armed.Seen);
            if (hit is null && n > armed.Rule.AfterRequests && n <= armed.Rule.AfterRequests + armed.Rule.Times) hit = armed.Rule;
        }
        return hit;
    }
}
