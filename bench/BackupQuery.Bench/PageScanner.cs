using System.Text;
using System.Text.Json;

namespace BackupQuery.Bench;

/// <summary>
/// The least a client can do with a page: one pass of a bare <see cref="Utf8JsonReader"/> that takes each record's id,
/// the total, and the next link. The raw limit and the sequential baseline both read pages with it.
/// </summary>
internal sealed class PageScanner(string arrayName, string idName, string? totalName)
{
    private readonly byte[] _array = Encoding.UTF8.GetBytes(arrayName);
    private readonly byte[] _id = Encoding.UTF8.GetBytes(idName);
    private readonly byte[]? _total = totalName is null ? null : Encoding.UTF8.GetBytes(totalName);
    private static readonly byte[] Links = "backups_links"u8.ToArray();
    private static readonly byte[] Href = "href"u8.ToArray();

    /// <summary>Reads one page: calls <paramref name="onId"/> per record; returns the record count, the total and the next link.</summary>
    public (int Count, long? Total, string? Next) Scan(ReadOnlySpan<byte> json, Action<string> onId)
    {
        var reader = new Utf8JsonReader(json);
        var count = 0;
        long? total = null;
        string? next = null;
        var section = 0; // 1 records, 2 links
        while (reader.Read())
        {
            if (reader.TokenType != JsonTokenType.PropertyName) continue;
            if (reader.CurrentDepth == 1)
            {
                section = reader.ValueTextEquals(_array) ? 1 : reader.ValueTextEquals(Links) ? 2 : 0;
                if (_total is not null && reader.ValueTextEquals(_total) && reader.Read() && reader.TokenType == JsonTokenType.Number) total = reader.GetInt64();
            }
            else if (reader.CurrentDepth == 3 && section == 1 && reader.ValueTextEquals(_id) && reader.Read())
            {
                onId(reader.GetString()!);
                count++;
            }
            else if (reader.CurrentDepth == 3 && section == 2 && reader.ValueTextEquals(Href) && reader.Read())
            {
                next = reader.GetString();
            }
        }
        return (count, total, next);
    }
}
