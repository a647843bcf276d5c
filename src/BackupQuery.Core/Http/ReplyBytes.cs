using System.Buffers;

namespace BackupQuery.Http;

/// <summary>
/// A reply body read whole into chunks of its listing's <see cref="ReplyBuffers"/>, to be parsed later. A page waiting
/// its turn is then bytes the collector never traces or copies, where a parsed page is thousands of objects it copies
/// at every collection; and the parse runs in one go, without an await per chunk. Dispose returns the chunks.
/// </summary>
internal sealed class ReplyBytes : IDisposable
{
    private readonly ReplyBuffers _buffers;
    private readonly List<byte[]> _chunks = [];
    private int _lastLength;

    private ReplyBytes(ReplyBuffers buffers) => _buffers = buffers;

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
    public static async Task<ReplyBytes> ReadAsync(Stream stream, ReplyBuffers buffers, CancellationToken cancellationToken)
    {
        var bytes = new ReplyBytes(buffers);
        try
        {
            var chunk = bytes.Add();
            while (true)
            {
                if (bytes._lastLength == chunk.Length) chunk = bytes.Add();
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

    private byte[] Add()
    {
        var chunk = _buffers.RentChunk();
        _chunks.Add(chunk);
        _lastLength = 0;
        return chunk;
    }

    public void Dispose()
    {
        foreach (var chunk in _chunks) _buffers.ReturnChunk(chunk);
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
