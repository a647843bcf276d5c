using System.Runtime.CompilerServices;
using BackupQuery.Paging;
using BackupQuery.Text;

namespace BackupQuery.Execution;

/// <summary>
/// A listing whose API matches names exactly, given a -Name pattern: the server lists with every other filter, the
/// names are matched here, and -Skip/-First count the matches (so the server is asked for every page, until -First is met).
/// </summary>
internal static class NameFilteredListing
{
    public static async IAsyncEnumerable<T> StreamAsync<T>(NamePattern? pattern, Func<T, string?> nameOf,
        Func<PagingOptions, IAsyncEnumerable<T>> list, PagingOptions paging, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (pattern is null)
        {
            await foreach (var record in list(paging).WithCancellation(cancellationToken).ConfigureAwait(false)) yield return record;
            yield break;
        }

        // The server's total counts its matches, not the pattern's: no total is reported.
        var unfiltered = new PagingOptions { PageSize = paging.PageSize, OnProgress = paging.OnProgress };
        long skipped = 0, written = 0;
        await foreach (var record in list(unfiltered).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (!pattern.IsMatch(nameOf(record))) continue;
            if (skipped < paging.Skip)
            {
                skipped++;
                continue;
            }
            if (written >= paging.First) break;
            written++;
            yield return record;
            if (written >= paging.First) break;
        }
        paging.OnSkipped?.Invoke(skipped);
    }
}
