namespace BackupQuery.Http;

/// <summary>
/// Sign-ins of one connection, one at a time and never twice for the same expiry: every credential carries the
/// generation it was issued in, and a renewal asked for an older generation than the current one is already done.
/// Eight requests that meet one expired token cause one sign-in.
/// </summary>
internal sealed class SingleFlightSignIn(Func<CancellationToken, Task> signIn)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private int _generation;

    /// <summary>The generation of the credential in use; 0 before the first sign-in.</summary>
    public int Generation => Volatile.Read(ref _generation);

    /// <summary>How many sign-ins ran.</summary>
    public int Count { get; private set; }

    /// <summary>Signs in, unless the credential of <paramref name="expired"/> was already replaced (null: sign in regardless).</summary>
    public async Task RenewAsync(int? expired, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (expired is { } seen && seen != Generation) return;
            await signIn(cancellationToken).ConfigureAwait(false);
            Count++;
            Interlocked.Increment(ref _generation);
        }
        finally
        {
            _gate.Release();
        }
    }
}
