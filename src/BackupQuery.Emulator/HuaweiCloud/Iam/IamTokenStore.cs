using System.Collections.Concurrent;
using System.Security.Cryptography;
using BackupQuery.Emulator.Hosting;

namespace BackupQuery.Emulator.HuaweiCloud;

/// <summary>What a token was issued for. <see cref="Project"/> is null for domain-scoped or unscoped tokens.</summary>
public sealed record IamToken(string Value, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt, EmulatorProject? Project);

/// <summary>Issued IAM tokens (opaque, random) with their lifetime and the calls made with each; <see cref="ExpireAll"/>
/// forgets them.</summary>
public sealed class IamTokenStore(TimeSpan lifetime)
{
    private sealed class Held(IamToken token)
    {
        public IamToken Token { get; } = token;
        public int Calls;
    }

    private readonly ConcurrentDictionary<string, Held> _tokens = new(StringComparer.Ordinal);
    private int _issued;

    /// <summary>Tokens issued so far in this run: a client's re-authentication shows as an increment.</summary>
    public int IssueCount => Volatile.Read(ref _issued);

    public IamToken Issue(EmulatorProject? project)
    {
        var now = DateTimeOffset.UtcNow;
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond)); // IAM reports whole seconds (.000000Z).
        // Real tokens are long opaque base64 strings starting with "MII"; clients must not parse them.
        var value = "MII" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(96)).Replace('/', '-').Replace('+', '_');
        var token = new IamToken(value, now, now + lifetime, project);
        _tokens[value] = new Held(token);
        Interlocked.Increment(ref _issued);
        return token;
    }

    /// <summary>Counts a call made with the token: the live token, or null when unknown, expired, invalidated, or when
    /// this call is past <paramref name="callLimit"/> (0: no limit), which ends the token.</summary>
    public IamToken? Use(string? value, int callLimit)
    {
        if (Live(value) is not { } held) return null;
        if (callLimit <= 0 || Interlocked.Increment(ref held.Calls) <= callLimit) return held.Token;
        _tokens.TryRemove(value!, out _);
        return null;
    }

    private Held? Live(string? value) =>
        !string.IsNullOrEmpty(value) && _tokens.TryGetValue(value, out var held) && held.Token.ExpiresAt > DateTimeOffset.UtcNow ? held : null;

    public void ExpireAll() => _tokens.Clear();
}
