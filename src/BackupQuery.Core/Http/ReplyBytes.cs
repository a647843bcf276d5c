using System.Buffers;

namespace BackupQuery.Http;

/// <summary>
/// A reply body read whole into a pooled buffer before it is parsed, so something can be read off it first (the next
/// marker) and the parse runs without an await per chunk. Dispose returns the buffer.
/// </summary>
internal sealed class ReplyBytes : IDisposable
{
    private const int FirstSize = 64 * 1024;
    private byte[] _buffer;

    private ReplyBytes(byte[] buffer, int length)
    {
        _buffer = buffer;
        Length = length;
    }

    public int Length { get; }

    public ReadOnlySpan<byte> Span => new(_buffer, 0, Length);

    /// <summary>Reads <paramref name="stream"/> to its end.</summary>
    public static async Task<ReplyBytes> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(FirstSize);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    Buffer.BlockCopy(buffer, 0, larger, 0, length);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
                var read = await stream.ReadAsync(buffer, length, buffer.Length - length, cancellationToken).ConfigureAwait(false);
                if (read == 0) return new ReplyBytes(buffer, length);
                length += read;
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        if (buffer.Length > 0) ArrayPool<byte>.Shared.Return(buffer);
    }
}
