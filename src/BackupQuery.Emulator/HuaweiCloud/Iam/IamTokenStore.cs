using System.Collections.Concurrent;
using System.Security.Cryptography;
using BackupQuery.Emulator.Hosting;

namespace BackupQuery.Emulator.HuaweiCloud;

/// <summary>What a token was issued for. <see cref="Project"/> is null for domain-scoped or unscoped tokens.</summary>
public sealed record IamToken(string Value, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt, EmulatorProject? Project);

/// <summary>Issued IAM tokens (opaque, random) with their lifetime; <see cref="ExpireAll"/> forgets them.</summary>
public sealed class IamTokenStore(TimeSpan lifetime)
{
    private readonly ConcurrentDictionary<string, IamToken> _tokens = new(StringComparer.Ordinal);
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
        _tokens[value] = token;
        Interlocked.Increment(ref _issued);
        return token;
    }

    /// <summary>The live token with this value, or null when unknown, expired or invalidated.</summary>
    public IamToken? Find(string? value)
    {
        if (string.IsNullOrEmpty(value) || !_tokens.TryGetValue(value, out var token)) return null;
        return token.ExpiresAt > DateTimeOffset.UtcNow ? token : null;
    }

    public void ExpireAll() => _tokens.Clear();
}
