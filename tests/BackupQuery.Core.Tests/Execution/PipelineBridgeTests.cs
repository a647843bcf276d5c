using System.Runtime.CompilerServices;
using BackupQuery.Execution;
using BackupQuery.Http;
using BackupQuery.Paging;

namespace BackupQuery.Core.Tests.Execution;

public class PipelineBridgeTests
{
    private sealed class RecordingSink : IListingSink
    {
        public int ThreadId { get; } = Environment.CurrentManagedThreadId;
        public List<string> Events { get; } = [];
        public bool WrongThread { get; private set; }
        public bool IsDebugEnabled => true;
        private void Add(string e) { WrongThread |= Environment.CurrentManagedThreadId != ThreadId; Events.Add(e); }
        public void WriteRecord(object record) => Add("record " + record);
        public void WriteVerbose(string message) => Add("verbose " + message);
        public void WriteDebug(string message) => Add("debug " + message);
        public void WriteWarning(string message) => Add("warning " + message);
        public void WriteProgress(ListingProgress progress) => Add("progress " + progress.Emitted);
        public void WriteTotalCount(long total) => Add("total " + total);
    }

    private static async IAsyncEnumerable<object> Produce(IListingChannel channel, int count, Exception? failAfter, [EnumeratorCancellation] CancellationToken ct = default)
    {
        channel.Total(count);
        for (var i = 0; i < count; i++)
        {
            await Task.Yield();
            ApiLog.Current.Verbose("item " + i);
            yield return i;
        }
        if (failAfter is not null) throw failAfter;
    }

    [Fact]
    public void DeliversRecordsAndLogsInOrderOnTheCallingThread()
    {
        var sink = new RecordingSink();
        var outcome = PipelineBridge.Run((channel, ct) => Produce(channel, 3, null, ct), sink, CancellationToken.None);
        Assert.Null(outcome.Failure);
        Assert.Equal(3, outcome.Written);
        Assert.False(sink.WrongThread);
        Assert.Equal(["total 3", "verbose item 0", "record 0", "verbose item 1", "record 1", "verbose item 2", "record 2"], sink.Events);
    }

    [Fact]
    public void AFailureAfterSomeRecordsKeepsThemAndSaysHowMany()
    {
        var sink = new RecordingSink();
        var boom = new BackupQueryException("page 3 failed", ApiErrorKind.ServiceUnavailable);
        var outcome = PipelineBridge.Run((channel, ct) => Produce(channel, 5, boom, ct), sink, CancellationToken.None);
        Assert.Same(boom, outcome.Failure);
        Assert.Equal(5, outcome.Written);
        Assert.Equal(5, sink.Events.Count(e => e.StartsWith("record", StringComparison.Ordinal)));
    }

    [Fact]
    public void CancellationStopsAnEndlessListing()
    {
        using var cts = new CancellationTokenSource();
        var sink = new RecordingSink();
        async IAsyncEnumerable<object> Endless([EnumeratorCancellation] CancellationToken ct = default)
        {
            for (var i = 0; ; i++)
            {
                await Task.Delay(1, ct);
                if (i == 10) cts.Cancel();
                yield return i;
            }
        }
        var outcome = PipelineBridge.Run((_, ct) => Endless(ct), sink, cts.Token);
        Assert.IsAssignableFrom<OperationCanceledException>(outcome.Failure);
    }

    [Fact]
    public void ASinkThatThrowsStopsTheProducer()
    {
        var produced = 0;
        using var ended = new ManualResetEventSlim();
        async IAsyncEnumerable<object> Many([EnumeratorCancellation] CancellationToken ct = default)
        {
            try
            {
                for (var i = 0; i < 1_000_000; i++)
                {
                    ct.ThrowIfCancellationRequested();
                    Interlocked.Increment(ref produced);
                    await Task.Yield();
                    yield return i;
                }
            }
            finally
            {
                ended.Set();
            }
        }
        var sink = new ThrowingSink();
        Assert.Throws<InvalidOperationException>(() => PipelineBridge.Run((_, ct) => Many(ct), sink, CancellationToken.None));
        // Stopped means the producer's enumeration ended, not merely that it is blocked on a full queue.
        Assert.True(ended.Wait(TimeSpan.FromSeconds(5)), "the producer kept running after the sink failed");
        var after = produced;
        Thread.Sleep(100);
        Assert.Equal(after, produced);
    }

    private sealed class ThrowingSink : IListingSink
    {
        public bool IsDebugEnabled => false;
        public void WriteRecord(object record) => throw new InvalidOperationException("downstream stopped");
        public void WriteVerbose(string message) { }
        public void WriteDebug(string message) { }
        public void WriteWarning(string message) { }
        public void WriteProgress(ListingProgress progress) { }
        public void WriteTotalCount(long total) { }
    }
}
