using System.Buffers;
using BackupQuery.Http;

namespace BackupQuery.Core.Tests.Http;

public class ReplyBytesTests
{
    /// <summary>Hands out at most <paramref name="most"/> bytes per read, as a socket does, so reads end mid-chunk.</summary>
    private sealed class Trickle(byte[] data, int most) : MemoryStream(data)
    {
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            base.ReadAsync(buffer, offset, Math.Min(count, most), cancellationToken);
    }

    private static byte[] Data(int length)
    {
        var data = new byte[length];
        new Random(length).NextBytes(data);
        return data;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1000)]
    [InlineData(64 * 1024)] // exactly the first chunk
    [InlineData(64 * 1024 + 1)]
    [InlineData(3_000_123)] // past the chunks that grow, into several of the largest
    public async Task TheBodyIsTheStreamByteForByte(int length)
    {
        var data = Data(length);
        using var bytes = await ReplyBytes.ReadAsync(new Trickle(data, 7001), new ReplyBuffers(), CancellationToken.None);

        Assert.Equal(length, bytes.Length);
        Assert.Equal(data, bytes.Body.ToArray());
    }

    [Theory]
    [InlineData(100, 16)]
    [InlineData(100, 500)] // more than the body: all of it
    [InlineData(3_000_123, 16 * 1024)]
    [InlineData(64 * 1024 + 100, 1000)] // the tail spans the first two chunks
    public async Task TheTailIsTheLastBytes(int length, int count)
    {
        var data = Data(length);
        using var bytes = await ReplyBytes.ReadAsync(new Trickle(data, 4096), new ReplyBuffers(), CancellationToken.None);

        Assert.Equal(data.Skip(Math.Max(0, length - count)).ToArray(), bytes.Tail(count).ToArray());
    }

    [Fact]
    public async Task DisposedItHoldsNothingAndMayBeDisposedAgain()
    {
        var bytes = await ReplyBytes.ReadAsync(new Trickle(Data(600_000), 10_000), new ReplyBuffers(), CancellationToken.None);
        bytes.Dispose();
        bytes.Dispose();

        Assert.Equal(0, bytes.Length);
        Assert.True(bytes.Body.IsEmpty);
    }

    [Fact]
    public async Task TheNextReplyReusesTheChunksOfOneDisposed()
    {
        var buffers = new ReplyBuffers();
        var first = await ReplyBytes.ReadAsync(new Trickle(Data(600_000), 10_000), buffers, CancellationToken.None);
        var chunks = ChunksOf(first);
        first.Dispose();

        using var second = await ReplyBytes.ReadAsync(new Trickle(Data(600_000), 10_000), buffers, CancellationToken.None);

        Assert.Equal(3, chunks.Count); // 600,000 bytes in chunks of 256 KB
        Assert.Equal(chunks.ToHashSet(ReferenceEqualityComparer.Instance), ChunksOf(second).ToHashSet(ReferenceEqualityComparer.Instance));
    }

    [Fact]
    public void AWholeBufferIsReusedWhileLargeEnoughAndGrowsWhenNot()
    {
        var buffers = new ReplyBuffers();
        var whole = buffers.RentWhole(1000);
        buffers.ReturnWhole(whole);

        Assert.Same(whole, buffers.RentWhole(800));
        buffers.ReturnWhole(whole);
        Assert.True(buffers.RentWhole(5000).Length >= 5000);
    }

    private static List<object> ChunksOf(ReplyBytes bytes)
    {
        var chunks = new List<object>();
        foreach (var segment in bytes.Body)
        {
            Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(segment, out var array));
            chunks.Add(array.Array!);
        }
        return chunks;
    }
}
