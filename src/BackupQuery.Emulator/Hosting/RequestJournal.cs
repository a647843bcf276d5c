using System.Collections.Concurrent;

namespace BackupQuery.Emulator.Hosting;

/// <summary>A request as the emulator received it: tests use it to prove that a filter reached the server.</summary>
public sealed record JournalEntry(string Method, string Path, string RawQuery, IReadOnlyDictionary<string, string> Headers, int Status)
{
    /// <summary>The fault the emulator applied to this request (armed, random, or of the whole run), if any.</summary>
    public FaultKind? Fault { get; init; }
}

public sealed class RequestJournal
{
    private readonly ConcurrentQueue<JournalEntry> _entries = new();

    public void Add(JournalEntry entry) => _entries.Enqueue(entry);

    public IReadOnlyList<JournalEntry> Entries => _entries.ToArray();

    public IEnumerable<JournalEntry> ForPath(string pathPrefix) =>
        _entries.Where(e => e.Path.StartsWith(pathPrefix, StringComparison.Ordinal));

    public void Clear() => _entries.Clear();
}
