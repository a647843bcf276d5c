using System.Collections.Concurrent;
using BackupQuery.Http;

namespace BackupQuery.Core.Tests.Support;

/// <summary>Collects what Core logs during a test, Debug included.</summary>
public sealed class CapturingLog : IApiLog
{
    private readonly ConcurrentQueue<string> _lines = new();
    public bool IsDebugEnabled { get; init; } = true;
    public IReadOnlyList<string> Lines => _lines.ToArray();
    public void Verbose(string message) => _lines.Enqueue("VERBOSE " + message);
    public void Debug(string message) => _lines.Enqueue("DEBUG " + message);
    public void Warning(string message) => _lines.Enqueue("WARNING " + message);
}
