using BackupQuery.Emulator.HuaweiCloud;
using Microsoft.AspNetCore.Http;

namespace BackupQuery.Emulator.Hosting;

/// <summary>What a random fault answers a list call with.</summary>
public enum RandomFaultKind
{
    /// <summary>502, 503 or 504 (one of the three at random) with a proxy's HTML page.</summary>
    GatewayError,
    /// <summary>429 without Retry-After, as the real gateway sends it.</summary>
    Throttle,
    /// <summary>429 with <see cref="RandomFaults.RetryAfter"/>.</summary>
    ThrottleWithRetryAfter,
    /// <summary>The connection aborted without a response.</summary>
    ConnectionReset,
    /// <summary>The real reply cut off in the middle (a 200 whose JSON ends early).</summary>
    TruncatedBody,
}

/// <summary>
/// Faults drawn at random for every list call (<see cref="IsListCall"/>), as a flaky gateway or network gives them.
/// Each call draws once from the seed and its call number: the n-th list call the emulator receives gets the same
/// answer for the same seed, whatever came before. With concurrent requests the sequence of answers by arrival order is
/// fixed, but which page arrives n-th is up to the client and the network. The chances are per kind and add up to at
/// most 1 (the rest of the calls are served normally). Thread-safe.
/// </summary>
public sealed class RandomFaults
{
    private static readonly int[] GatewayStatuses = [502, 503, 504];
    private readonly int[] _hits = new int[Enum.GetValues<RandomFaultKind>().Length];
    private int _calls;

    public RandomFaults(int seed) => Seed = seed;

    public int Seed { get; }

    public double GatewayError { get; init; }
    public double Throttle { get; init; }
    public double ThrottleWithRetryAfter { get; init; }
    public double ConnectionReset { get; init; }
    public double TruncatedBody { get; init; }

    /// <summary>The Retry-After of <see cref="RandomFaultKind.ThrottleWithRetryAfter"/> (whole seconds on the wire).</summary>
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>List calls drawn for so far.</summary>
    public int Calls => Volatile.Read(ref _calls);

    /// <summary>How many list calls got <paramref name="kind"/> so far.</summary>
    public int Hits(RandomFaultKind kind) => Volatile.Read(ref _hits[(int)kind]);

    /// <summary>A list call: any GET but sign-in (ZStack's <c>/zstack/v1/accounts</c>, Huawei's <c>/iam</c>).</summary>
    public static bool IsListCall(string method, string path) =>
        HttpMethods.IsGet(method) && !path.StartsWith("/zstack/v1/accounts", StringComparison.Ordinal) && !path.StartsWith("/iam", StringComparison.Ordinal);

    /// <summary>The chances in the order a draw partitions [0, 1) between them.</summary>
    private (RandomFaultKind Kind, double Chance)[] Chances =>
    [
        (RandomFaultKind.GatewayError, GatewayError),
        (RandomFaultKind.Throttle, Throttle),
        (RandomFaultKind.ThrottleWithRetryAfter, ThrottleWithRetryAfter),
        (RandomFaultKind.ConnectionReset, ConnectionReset),
        (RandomFaultKind.TruncatedBody, TruncatedBody),
    ];

    /// <exception cref="ArgumentException">A chance outside [0, 1], or chances adding up to more than 1.</exception>
    public RandomFaults Validated()
    {
        foreach (var (kind, chance) in Chances)
        {
            if (chance is < 0 or > 1 || double.IsNaN(chance)) throw new ArgumentException(FormattableString.Invariant($"the chance of {kind} must be between 0 and 1, got {chance}"));
        }
        var sum = Chances.Sum(c => c.Chance);
        if (sum > 1 + 1e-9) throw new ArgumentException(FormattableString.Invariant($"the chances of the random faults add up to {sum}, more than 1"));
        if (RetryAfter <= TimeSpan.Zero) throw new ArgumentException("the Retry-After of the random faults must be positive");
        return this;
    }

    /// <summary>Draws the next list call's fault: the rule to apply, or null to serve it normally.</summary>
    internal FaultRule? Draw(string path)
    {
        var call = Interlocked.Increment(ref _calls);
        var random = new SeededRandom(Seed, "random-faults", call);
        var roll = random.NextDouble();
        foreach (var (kind, chance) in Chances)
        {
            if (roll >= chance)
            {
                roll -= chance;
                continue;
            }
            Interlocked.Increment(ref _hits[(int)kind]);
            return kind switch
            {
                RandomFaultKind.GatewayError => new FaultRule(path, FaultKind.Status) { StatusCode = random.Pick(GatewayStatuses) },
                RandomFaultKind.Throttle => new FaultRule(path, FaultKind.TooManyRequests) { RetryAfter = TimeSpan.Zero },
                RandomFaultKind.ThrottleWithRetryAfter => new FaultRule(path, FaultKind.TooManyRequests) { RetryAfter = RetryAfter },
                RandomFaultKind.ConnectionReset => new FaultRule(path, FaultKind.ConnectionReset),
                _ => new FaultRule(path, FaultKind.TruncatedJson),
            };
        }
        return null;
    }
}
