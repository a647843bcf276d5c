namespace BackupQuery.Http;

/// <summary>
/// The buffers of one listing's replies: chunks reused from page to page while the listing runs, and left to the
/// collector when it ends. A process-wide pool would keep a listing's megabytes alive long after it. Chunks are large
/// enough for the large object heap, which the collector does not copy. Safe across threads.
/// </summary>
internal sealed class ReplyBuffers
{
    /// <summary>The size of every chunk (over the 85,000 bytes that put an array on the large object heap).</summary>
    public const int ChunkSize = 256 * 1024;

    /// <summary>Idle chunks kept for the next pages (8 pages of 2 MB in flight hold 64); more go to the collector.</summary>
    private const int MaxIdle = 64;

    private readonly Stack<byte[]> _idle = new();
    private byte[]? _whole;

    public byte[] RentChunk()
    {
        lock (_idle)
        {
            if (_idle.Count > 0) return _idle.Pop();
        }
        return new byte[ChunkSize];
    }

    public void ReturnChunk(byte[] chunk)
    {
        lock (_idle)
        {
            if (_idle.Count < MaxIdle) _idle.Push(chunk);
        }
    }

    /// <summary>A buffer of at least <paramref name="length"/> bytes, to hold a reply of several chunks in one span.</summary>
    public byte[] RentWhole(int length)
    {
        var whole = Interlocked.Exchange(ref _whole, null);
        return whole is not null && whole.Length >= length ? whole : new byte[Math.Max(length, (whole?.Length ?? 0) * 2)];
    }

    /// <summary>Keeps <paramref name="whole"/> for the next reply (pages are parsed one at a time, so one is enough).</summary>
    public void ReturnWhole(byte[] whole) => Volatile.Write(ref _whole, whole);
}
