using System.Text.Json;

namespace BackupQuery.Text;

/// <summary>
/// The texts one member read lately, handed out again when a value has the same bytes: members whose values come from a
/// small set (status, project, vault, zone, type, the resource a backup is of) then cost no new string. A small table
/// keyed by a few of the value's bytes holds the recent ones, so values that alternate are shared too. A member whose
/// values rarely repeat (ids, names, times) stops being remembered after <see cref="Trial"/> misses. Safe across
/// threads: an entry is replaced whole, and a stale one only misses.
/// </summary>
internal sealed class RepeatedText
{
    /// <summary>Misses after which a member that missed more often than it hit is no longer remembered.</summary>
    private const int Trial = 256;
    /// <summary>Longer values are not remembered (they are rarely repeated codes).</summary>
    private const int MaxLength = 128;
    /// <summary>Entries in the table (a power of two).</summary>
    private const int Slots = 16;

    private readonly Entry?[] _recent = new Entry?[Slots];
    private int _hits;
    private int _misses;
    private bool _off;

    /// <summary>The string value under <paramref name="reader"/>, shared with an earlier read when its bytes are the same.</summary>
    public string? Read(ref Utf8JsonReader reader)
    {
        if (_off || reader.HasValueSequence || reader.ValueIsEscaped) return reader.GetString();
        var bytes = reader.ValueSpan;
        if (bytes.Length > MaxLength) return reader.GetString();
        var slot = SlotOf(bytes);
        var entry = _recent[slot];
        if (entry is not null && bytes.SequenceEqual(entry.Utf8))
        {
            _hits++;
            return entry.Text;
        }
        var text = reader.GetString();
        if (++_misses >= Trial && _hits < _misses) _off = true;
        else if (text is not null) _recent[slot] = new Entry(bytes.ToArray(), text);
        return text;
    }

    /// <summary>A slot from the length and a few bytes: the ends and the middle tell most values of one member apart.</summary>
    private static int SlotOf(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0) return 0;
        var hash = bytes.Length;
        hash = (hash * 31) + bytes[0];
        hash = (hash * 31) + bytes[bytes.Length - 1];
        hash = (hash * 31) + bytes[bytes.Length / 2];
        hash = (hash * 31) + bytes[bytes.Length / 3];
        hash ^= hash >> 7;
        return hash & (Slots - 1);
    }

    private sealed class Entry(byte[] utf8, string text)
    {
        public byte[] Utf8 { get; } = utf8;
        public string Text { get; } = text;
    }
}
