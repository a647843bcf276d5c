using System.Runtime.CompilerServices;
using BackupQuery.Connections;
using BackupQuery.Records;

namespace BackupQuery.Coverage;

/// <summary>A connection that can say which coverage sources it has for a query.</summary>
internal interface ICoverageProvider
{
    IEnumerable<CoverageSource> CoverageSources(CoverageQuery query);
}

/// <summary>
/// Evaluates coverage across connections of both providers: every service of every connection starts at once (each
/// runs its own listings concurrently, all under its connection's request limit), and the records are written source
/// by source, in the order of the connections and services. A source that fails is reported and the others still are.
/// </summary>
internal static class CoverageRun
{
    public static async IAsyncEnumerable<BackupCoverage> StreamAsync(IReadOnlyList<IBackupConnection> connections, CoverageQuery query,
        Action<CoverageFailure> onFailure, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        query.Check();
        var sources = connections.OfType<ICoverageProvider>().SelectMany(c => c.CoverageSources(query)).ToList();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var running = sources.Select(s => (Source: s, Result: Task.Run(() => s.Evaluate(stop.Token), stop.Token))).ToList();
        try
        {
            foreach (var (source, result) in running)
            {
                IReadOnlyList<BackupCoverage> records;
                try
                {
                    records = await result.ConfigureAwait(false);
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested)
                {
                    onFailure(new CoverageFailure(source.Connection, source.Service, e));
                    continue;
                }
                foreach (var record in records) yield return record;
            }
        }
        finally
        {
            // Stopped early (Select-Object -First, Ctrl+C): abandon what is still running.
            stop.Cancel();
            foreach (var (_, result) in running) _ = result.ContinueWith(static t => _ = t.Exception, TaskScheduler.Default);
        }
    }
}
