using System.Collections.Concurrent;
using BackupQuery.Emulator.Hosting;

namespace BackupQuery.Emulator.ZStack;

/// <summary>A login session (SessionInventory). Its expiry slides forward on every authenticated call.</summary>
public sealed class ZStackSession(string uuid, string accountUuid, string userUuid, string userType, DateTimeOffset createDate)
{
    public string Uuid { get; } = uuid;
    public string AccountUuid { get; } = accountUuid;
    public string UserUuid { get; } = userUuid;
    /// <summary><c>AccountVO</c> for an account login, <c>UserVO</c> for a user login (the VO class name, as the server reports it).</summary>
    public string UserType { get; } = userType;
    public DateTimeOffset CreateDate { get; } = createDate;
    public DateTimeOffset ExpiredDate { get; internal set; }
    /// <summary>Authenticated calls made with the session (counted against <see cref="EmulatorOptions.SessionCallLimit"/>).</summary>
    public int Calls { get; internal set; }
}

/// <summary>The session table of the management node: sliding expiry, per-user session cap, logout, mass expiry, and
/// sessions that end after a number of calls (<see cref="EmulatorOptions.SessionCallLimit"/>).</summary>
public sealed class ZStackSessions(EmulatorOptions options)
{
    private readonly ConcurrentDictionary<string, ZStackSession> _sessions = new(StringComparer.Ordinal);
    private int _loginCount;

    /// <summary>Successful logins since start: a test sees a client's re-login after a session expired.</summary>
    public int LoginCount => Volatile.Read(ref _loginCount);

    /// <summary>Successful logouts since start: a test sees that a client logs out on disconnect.</summary>
    public int LogoutCount => Volatile.Read(ref _logoutCount);
    private int _logoutCount;

    /// <summary>Sessions that are still valid now.</summary>
    public IReadOnlyList<ZStackSession> Active => [.. _sessions.Values.Where(IsLive)];

    private DateTimeOffset Now => options.Clock.GetUtcNow();

    private bool IsLive(ZStackSession session) =>
        session.ExpiredDate > Now && (options.SessionCallLimit <= 0 || session.Calls < options.SessionCallLimit);

    internal ZStackSession Open(string accountUuid, string userUuid, string userType)
    {
        var now = Now;
        if (_sessions.Values.Count(s => s.UserUuid == userUuid && IsLive(s)) >= options.ZStackMaxSessionsPerUser)
            throw ZStackFailure.Envelope("ID.1006", "Too many sessions",
                $"the user has reached the maximum of {options.ZStackMaxSessionsPerUser} concurrent sessions; log out unused sessions");
        var session = new ZStackSession(Guid.NewGuid().ToString("N"), accountUuid, userUuid, userType, now)
        {
            ExpiredDate = now + options.ZStackSessionTimeout,
        };
        _sessions[session.Uuid] = session;
        Interlocked.Increment(ref _loginCount);
        return session;
    }

    /// <summary>The session if valid, its expiry renewed (sliding) and the call counted; null if unknown, expired or out
    /// of calls (such a one is dropped).</summary>
    public ZStackSession? Touch(string uuid)
    {
        if (!_sessions.TryGetValue(uuid, out var session)) return null;
        lock (session)
        {
            if (!IsLive(session))
            {
                _sessions.TryRemove(uuid, out _);
                return null;
            }
            session.ExpiredDate = Now + options.ZStackSessionTimeout;
            session.Calls++;
        }
        return session;
    }

    /// <summary>Whether the session is valid, without renewing it.</summary>
    public bool IsValid(string uuid) => _sessions.TryGetValue(uuid, out var s) && IsLive(s);

    public void Logout(string uuid)
    {
        if (_sessions.TryRemove(uuid, out _)) Interlocked.Increment(ref _logoutCount);
    }

    /// <summary>Invalidates every current session (as a management node restart or a timeout would).</summary>
    public void ExpireAll() => _sessions.Clear();
}
