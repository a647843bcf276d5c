using System.Collections.Concurrent;
using BackupQuery.Http;
using BackupQuery.Paging;

namespace BackupQuery.Execution;

/// <summary>
/// Runs an async listing on the thread pool and delivers everything it produces (records, log lines, progress) to a
/// sink on the calling thread, in order. PowerShell only lets the pipeline thread write, so this is the one place where
/// async Core meets the synchronous cmdlet. At most <see cref="QueueCapacity"/> records wait for the pipeline, so a slow
/// pipeline never buffers a whole inventory; the producer waits for room asynchronously, never blocking a pool thread
/// that the requests in flight need.
/// </summary>
internal static class PipelineBridge
{
    private const int QueueCapacity = 2048;

    public static ListingOutcome Run(Func<IListingChannel, CancellationToken, IAsyncEnumerable<object>> produce, IListingSink sink, CancellationToken cancellationToken)
    {
        using var queue = new BlockingCollection<Action<IListingSink>>();
        using var room = new SemaphoreSlim(QueueCapacity, QueueCapacity);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var channel = new QueueChannel(queue, stop.Token, sink.IsDebugEnabled);
        Exception? failure = null;

        var producer = Task.Run(async () =>
        {
            using var _ = ApiLog.Use(channel);
            try
            {
                await foreach (var record in produce(channel, stop.Token).WithCancellation(stop.Token).ConfigureAwait(false))
                {
                    await room.WaitAsync(stop.Token).ConfigureAwait(false);
                    queue.Add(s =>
                    {
                        room.Release();
                        s.WriteRecord(record);
                    }, stop.Token);
                }
            }
            catch (Exception e)
            {
                failure = e;
            }
            finally
            {
                queue.CompleteAdding();
            }
        });

        long written = 0;
        var counting = new CountingSink(sink, () => written++);
        try
        {
            foreach (var deliver in queue.GetConsumingEnumerable(stop.Token))
            {
                deliver(counting);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            failure ??= new OperationCanceledException(cancellationToken);
        }
        catch
        {
            // The sink threw (the pipeline stopped downstream): stop the producer, then let the caller see the error.
            stop.Cancel();
            throw;
        }
        finally
        {
            stop.Cancel();
            try { producer.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
        }
        return new ListingOutcome(written, failure);
    }

    /// <summary>Counts records on their way to the sink, so a failure can say how many were already written.</summary>
    private sealed class CountingSink(IListingSink inner, Action onRecord) : IListingSink
    {
        public bool IsDebugEnabled => inner.IsDebugEnabled;
        public void WriteRecord(object record) { inner.WriteRecord(record); onRecord(); }
        public void WriteVerbose(string message) => inner.WriteVerbose(message);
        public void WriteDebug(string message) => inner.WriteDebug(message);
        public void WriteWarning(string message) => inner.WriteWarning(message);
        public void WriteProgress(ListingProgress progress) => inner.WriteProgress(progress);
        public void WriteTotalCount(long total) => inner.WriteTotalCount(total);
    }

    /// <summary>The producer's side: log lines and progress become queue entries, so they reach the sink in order with the records.</summary>
    private sealed class QueueChannel(BlockingCollection<Action<IListingSink>> queue, CancellationToken stop, bool debug) : IListingChannel, IApiLog
    {
        public bool IsDebugEnabled => debug;
        public void Verbose(string message) => Post(s => s.WriteVerbose(message));
        public void Debug(string message) => Post(s => s.WriteDebug(message));
        public void Warning(string message) => Post(s => s.WriteWarning(message));
        public void Progress(ListingProgress progress) => Post(s => s.WriteProgress(progress));
        public void Total(long total) => Post(s => s.WriteTotalCount(total));

        private void Post(Action<IListingSink> action)
        {
            try
            {
                if (!queue.IsAddingCompleted) queue.Add(action, stop);
            }
            catch (Exception e) when (e is OperationCanceledException or InvalidOperationException)
            {
                // The listing is over or stopped; a late log line has nowhere to go.
            }
        }
    }
}
