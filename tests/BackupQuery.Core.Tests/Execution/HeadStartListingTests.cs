using System.Runtime.CompilerServices;
using BackupQuery.Core.Tests.Support;
using BackupQuery.Execution;
using BackupQuery.Http;
using BackupQuery.Paging;

namespace BackupQuery.Core.Tests.Execution;

/// <summary>A listing started before its turn: it runs to its first record, holds what it logs, and hands both on when drained.</summary>
public class HeadStartListingTests
{
    private sealed class RecordingChannel : IListingChannel
    {
        public List<string> Events { get; } = [];
        public void Progress(ListingProgress progress) => Events.Add($"progress {progress.Emitted}");
        public void Total(long total) => Events.Add($"total {total}");
    }

    [Fact]
    public async Task Runs_to_its_first_record_before_its_turn_and_replays_what_it_held()
    {
        var produced = 0;
        var firstReached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async IAsyncEnumerable<object> Produce(IListingChannel channel, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            ApiLog.Current.Verbose("GET page 1");
            channel.Total(3);
            for (var i = 0; i < 3; i++)
            {
                produced++;
                if (i == 0) firstReached.SetResult();
                yield return i;
                await Task.Yield();
            }
        }

        await using var listing = HeadStartListing.Begin(Produce, debug: false, CancellationToken.None);
        await firstReached.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, produced); // held at its first record until drained

        var channel = new RecordingChannel();
        var log = new CapturingLog();
        List<object> records;
        using (ApiLog.Use(log)) records = await listing.DrainAsync(channel).ToListAsync();

        Assert.Equal([0, 1, 2], records);
        Assert.Equal(["total 3"], channel.Events);
        Assert.Equal(["VERBOSE GET page 1"], log.Lines);
    }

    [Fact]
    public async Task Disposing_an_undrained_listing_cancels_it()
    {
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async IAsyncEnumerable<object> Produce(IListingChannel channel, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            using var _ = cancellationToken.Register(() => cancelled.TrySetResult());
            await Task.Delay(Timeout.Infinite, cancellationToken);
            yield return 0;
        }

        var listing = HeadStartListing.Begin(Produce, debug: false, CancellationToken.None);
        await listing.DisposeAsync();
        await cancelled.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
