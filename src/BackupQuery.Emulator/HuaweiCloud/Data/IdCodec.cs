namespace BackupQuery.Emulator.HuaweiCloud;

/// <summary>
/// Ids that carry their record index (XOR a per-dataset mask in the last 12 hex digits), so a marker or a
/// <c>backup_id</c> filter finds its record in O(1) instead of scanning up to a million generated records.
/// </summary>
internal sealed class IdCodec(int seed, string salt)
{
    private readonly long _mask = (long)(SeededRandom.StableHash(salt + "/id-mask/" + seed) & 0x7FFF_FFFF_FFFFUL);

    private string Tail(int index) => ((index ^ _mask) & 0xFFFF_FFFF_FFFFL).ToString("x12");

    /// <summary>UUID form (CBR, VBS): <c>xxxxxxxx-xxxx-4xxx-yxxx-TTTTTTTTTTTT</c>.</summary>
    public string Uuid(int index, ref SeededRandom random) =>
        $"{random.Hex(8)}-{random.Hex(4)}-4{random.Hex(3)}-{"89ab"[random.Next(4)]}{random.Hex(3)}-{Tail(index)}";

    /// <summary>Huawei database form (GeminiDB, RDS): 32 hex digits plus a suffix such as <c>br01</c>.</summary>
    public string Hex32(int index, string suffix, ref SeededRandom random) => random.Hex(20) + Tail(index) + suffix;

    /// <summary>The index an id would have; the caller still confirms by regenerating the record and comparing ids.</summary>
    public bool TryDecode(string? id, out int index)
    {
        index = -1;
        if (id is null) return false;
        int start;
        if (id.Length == 36 && id[8] == '-' && id[23] == '-') start = 24;
        else if (id.Length == 36) start = 20;
        else return false;
        if (!long.TryParse(id.AsSpan(start, 12), System.Globalization.NumberStyles.AllowHexSpecifier, null, out var tail)) return false;
        var value = tail ^ _mask;
        if (value is < 0 or > int.MaxValue) return false;
        index = (int)value;
        return true;
    }
}
