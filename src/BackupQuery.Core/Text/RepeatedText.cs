using System.Text.Json;

namespace BackupQuery.Text;

/// <summary>
/// The text one member read last, handed out again when the next value has the same bytes: members that repeat from
/// record to record (status, project, vault, zone, type) then cost no new string. A member whose values rarely repeat
/// (ids, names, times) stops being remembered after <see cref="Trial"/> misses. Safe across threads: a stale entry only
/// misses.
/// </summary>
internal sealed class RepeatedText
{
    /// <summary>Misses after which a member that missed more often than it hit is no longer remembered.</summary>
    private const int Trial = 256;
    /// <summary>Longer values are not remembered (they are rarely repeated codes).</summary>
    private const int MaxLength = 128;

    private Entry? _last;
    private int _hits;
    private int _misses;
    private bool _off;

    /// <summary>The string value under <paramref name="reader"/>, shared with the previous read when its bytes are the same.</summary>
    public string? Read(ref Utf8JsonReader reader)
    {
        if (_off || reader.HasValueSequence || reader.ValueIsEscaped) return reader.GetString();
        var bytes = reader.ValueSpan;
        var last = _last;
        if (last is not null && bytes.SequenceEqual(last.Utf8))
        {
            _hits++;
            return last.Text;
        }
        var text = reader.GetString();
        if (++_misses >= Trial && _hits < _misses) _off = true;
        else if (text is not null && bytes.Length <= MaxLength) _last = new Entry(bytes.ToArray(), text);
        return text;
    }

    private sealed class Entry(byte[] utf8, string text)
    {
        public byte[] Utf8 { get; } = utf8;
        public string Text { get; } = text;
    }
}
