namespace BackupQuery.Text;

/// <summary>
/// The layouts the APIs actually send, read digit by digit without allocating: ISO 8601 with or without an offset
/// (<c>2020-08-18T07:00:46.932061</c>, <c>2019-05-23T00:20:11+0000</c>) and Java's US default
/// (<c>Jun 29, 2026 5:10:37 AM</c>). Anything else (or out of range) is left to <see cref="Timestamps"/>'s general
/// parsing, which gives the same answer for every text read here, only slower.
/// </summary>
internal static class TimestampLayouts
{
    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary><c>yyyy-MM-dd</c>, <c>T</c> or a space, <c>HH:mm:ss</c>, up to 7 fraction digits, then nothing, <c>Z</c>,
    /// <c>±hh:mm</c> or <c>±hhmm</c> (the offset only after <c>T</c>). Zone-less text is wall-clock time in <paramref name="zoneIfMissing"/>.</summary>
    public static bool TryIso(string text, TimeZoneInfo zoneIfMissing, out DateTimeOffset value)
    {
        value = default;
        if (text.Length < 19 || text[4] != '-' || text[7] != '-' || (text[10] != 'T' && text[10] != ' ') || text[13] != ':' || text[16] != ':') return false;
        if (!Digits(text, 0, 4, out var year) || !Digits(text, 5, 2, out var month) || !Digits(text, 8, 2, out var day)
            || !Digits(text, 11, 2, out var hour) || !Digits(text, 14, 2, out var minute) || !Digits(text, 17, 2, out var second)) return false;
        var i = 19;
        long ticks = 0;
        if (i < text.Length && text[i] == '.')
        {
            var start = ++i;
            while (i < text.Length && IsDigit(text[i])) i++;
            var count = i - start;
            if (count is 0 or > 7) return false;
            ticks = Number(text, start, count);
            for (var pad = count; pad < 7; pad++) ticks *= 10;
        }
        if (!TryDate(year, month, day, hour, minute, second, out var wallClock)) return false;
        wallClock = wallClock.AddTicks(ticks);

        if (i == text.Length)
        {
            if (year < 2 || year > 9998) return false; // where a zone's offset could leave the range
            value = Timestamps.InZone(wallClock, zoneIfMissing);
            return true;
        }
        if (text[10] != 'T') return false;
        TimeSpan offset;
        if (i == text.Length - 1 && text[i] == 'Z') offset = TimeSpan.Zero;
        else if (!TryOffset(text, i, out offset)) return false;
        if (year < 2 || year > 9998) return false;
        value = new DateTimeOffset(wallClock, offset);
        return true;
    }

    /// <summary><c>MMM d, yyyy[,] h:mm:ss AM</c> or <c>MMM d, yyyy[,] H:mm:ss</c>, single spaces (the caller has
    /// normalised no-break spaces), as wall-clock time in <paramref name="zone"/>.</summary>
    public static bool TryJava(string text, TimeZoneInfo zone, out DateTimeOffset value)
    {
        value = default;
        if (text.Length < 19 || text[3] != ' ') return false;
        var month = 0;
        while (month < Months.Length && string.CompareOrdinal(text, 0, Months[month], 0, 3) != 0) month++;
        if (++month > Months.Length) return false;
        var i = 4;
        if (!Variable(text, ref i, out var day) || !Expect(text, ref i, ',') || !Expect(text, ref i, ' ')) return false;
        if (i + 4 > text.Length || !Digits(text, i, 4, out var year)) return false;
        i += 4;
        if (i < text.Length && text[i] == ',') i++;
        if (!Expect(text, ref i, ' ') || !Variable(text, ref i, out var hour) || !Expect(text, ref i, ':')) return false;
        if (i + 5 > text.Length || !Digits(text, i, 2, out var minute) || text[i + 2] != ':' || !Digits(text, i + 3, 2, out var second)) return false;
        i += 5;
        if (i < text.Length)
        {
            if (i + 3 != text.Length || text[i] != ' ' || text[i + 2] != 'M' || (text[i + 1] != 'A' && text[i + 1] != 'P')) return false;
            if (hour is < 1 or > 12) return false;
            hour = hour % 12 + (text[i + 1] == 'P' ? 12 : 0);
        }
        if (year < 2 || year > 9998 || !TryDate(year, month, day, hour, minute, second, out var wallClock)) return false;
        value = Timestamps.InZone(wallClock, zone);
        return true;
    }

    private static bool TryOffset(string text, int i, out TimeSpan offset)
    {
        offset = default;
        var sign = text[i] switch { '+' => 1, '-' => -1, _ => 0 };
        if (sign == 0) return false;
        var rest = text.Length - i - 1;
        int hours, minutes;
        if (rest == 5 && text[i + 3] == ':') { if (!Digits(text, i + 1, 2, out hours) || !Digits(text, i + 4, 2, out minutes)) return false; }
        else if (rest == 4) { if (!Digits(text, i + 1, 2, out hours) || !Digits(text, i + 3, 2, out minutes)) return false; }
        else return false;
        if (hours > 14 || minutes > 59 || (hours == 14 && minutes > 0)) return false;
        offset = new TimeSpan(sign * hours, sign * minutes, 0);
        return true;
    }

    private static bool TryDate(int year, int month, int day, int hour, int minute, int second, out DateTime value)
    {
        value = default;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return false;
        value = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);
        return true;
    }

    /// <summary>One or two digits (a day or an hour).</summary>
    private static bool Variable(string text, ref int i, out int value)
    {
        value = 0;
        var start = i;
        while (i < text.Length && i - start < 2 && IsDigit(text[i])) value = value * 10 + (text[i++] - '0');
        return i > start && (i == text.Length || !IsDigit(text[i]));
    }

    private static bool Expect(string text, ref int i, char c)
    {
        if (i >= text.Length || text[i] != c) return false;
        i++;
        return true;
    }

    private static bool Digits(string text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            if (!IsDigit(text[i])) return false;
            value = value * 10 + (text[i] - '0');
        }
        return true;
    }

    private static long Number(string text, int start, int count)
    {
        long value = 0;
        for (var i = start; i < start + count; i++) value = value * 10 + (text[i] - '0');
        return value;
    }

    private static bool IsDigit(char c) => c is >= '0' and <= '9';
}
