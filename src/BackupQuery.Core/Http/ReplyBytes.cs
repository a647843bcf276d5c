using System.Buffers;

namespace BackupQuery.Http;

/// <summary>
/// A reply body read whole into pooled chunks, to be parsed later. A page waiting its turn is then bytes the collector
/// never traces or copies, where a parsed page is thousands of objects it copies at every collection; and the parse
/// runs in one go, without an await per chunk. The chunks grow from 64 KB to 1 MB, so a small reply is one chunk and
/// a page of megabytes reuses a few large ones. Dispose returns them.
/// </summary>
internal sealed class ReplyBytes : IDisposable
{
    private const int FirstChunk = 64 * 1024;
    private const int LargestChunk = 1024 * 1024;

    private readonly List<byte[]> _chunks = [];
    private int _lastLength;

    private ReplyBytes()
    {
    }

    public long Length { get; private set; }

    /// <summary>The body, as one span when it fits one chunk.</summary>
    public ReadOnlySequence<byte> Body
    {
        get
        {
            if (_chunks.Count == 0) return ReadOnlySequence<byte>.Empty;
            if (_chunks.Count == 1) return new ReadOnlySequence<byte>(_chunks[0], 0, _lastLength);
            Chunk? first = null, last = null;
            for (var i = 0; i < _chunks.Count; i++)
            {
                var memory = new ReadOnlyMemory<byte>(_chunks[i], 0, i == _chunks.Count - 1 ? _lastLength : _chunks[i].Length);
                var chunk = new Chunk(memory, last is null ? 0 : last.RunningIndex + last.Memory.Length);
                if (last is null) first = chunk;
                else last.Append(chunk);
                last = chunk;
            }
            return new ReadOnlySequence<byte>(first!, 0, last!, _lastLength);
        }
    }

    /// <summary>The last <paramref name="count"/> bytes of the body (all of it when shorter), in one span.</summary>
    public ReadOnlySpan<byte> Tail(int count)
    {
        var body = Body;
        var tail = body.Slice(Math.Max(0, body.Length - count));
        return tail.IsSingleSegment ? tail.First.Span : tail.ToArray();
    }

    /// <summary>Reads <paramref name="stream"/> to its end.</summary>
    public static async Task<ReplyBytes> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var bytes = new ReplyBytes();
        try
        {
            var chunk = bytes.Add(FirstChunk);
            while (true)
            {
                if (bytes._lastLength == chunk.Length) chunk = bytes.Add(Math.Min(chunk.Length * 2, LargestChunk));
                var read = await stream.ReadAsync(chunk, bytes._lastLength, chunk.Length - bytes._lastLength, cancellationToken).ConfigureAwait(false);
                if (read == 0) return bytes;
                bytes._lastLength += read;
                bytes.Length += read;
            }
        }
        catch
        {
            bytes.Dispose();
            throw;
        }
    }

    private byte[] Add(int size)
    {
        var chunk = ArrayPool<byte>.Shared.Rent(size);
        _chunks.Add(chunk);
        _lastLength = 0;
        return chunk;
    }

    public void Dispose()
    {
        foreach (var chunk in _chunks) ArrayPool<byte>.Shared.Return(chunk);
        _chunks.Clear();
        _lastLength = 0;
        Length = 0;
    }

    private sealed class Chunk : ReadOnlySequenceSegment<byte>
    {
        public Chunk(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public void Append(Chunk next) => Next = next;
    }
}
