using System.Text;
using System.Text.Json;
using BackupQuery.Http;

namespace BackupQuery.HuaweiCloud;

/// <summary>
/// The VBS <c>next</c> link: it may name an internal host and drop <c>/v2</c>, so only its <c>marker</c> is taken and the
/// next page is asked of the configured endpoint.
/// </summary>
internal static class VbsNextLink
{
    private static readonly byte[] LinksName = Encoding.UTF8.GetBytes("\"backups_links\"");

    /// <summary>The <c>marker</c> of the <c>rel=next</c> link, or null when no more remain.</summary>
    internal static string? NextMarker<T>(VbsBackupsReply<T>? reply) where T : VbsBackupDto =>
        MarkerOf(reply?.BackupsLinks?.FirstOrDefault(l => IsNext(l.Rel))?.Href);

    /// <summary>
    /// The same marker read off a reply's bytes before they are parsed: the last <c>"backups_links"</c> and the array after
    /// it (the links follow the records). Null where that is not found or not as expected. A guess: the parsed reply's
    /// <see cref="NextMarker{T}(VbsBackupsReply{T}?)"/> is what counts (a record's text could hold the same words).
    /// </summary>
    internal static string? NextMarkerOf(ReadOnlySpan<byte> body)
    {
        var name = body.LastIndexOf(LinksName);
        if (name < 0) return null;
        var colon = name + LinksName.Length;
        while (colon < body.Length && body[colon] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') colon++;
        if (colon >= body.Length || body[colon] != (byte)':') return null;
        try
        {
            var reader = new Utf8JsonReader(body.Slice(colon + 1), isFinalBlock: false, default);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray) return null;
            string? rel = null, href = null, next = null;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    rel = href = null;
                }
                else if (reader.TokenType == JsonTokenType.EndObject)
                {
                    if (IsNext(rel)) next ??= href;
                }
                else if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 2)
                {
                    var isRel = reader.ValueTextEquals("rel"u8);
                    var isHref = reader.ValueTextEquals("href"u8);
                    if (!reader.Read()) return null;
                    if (reader.TokenType == JsonTokenType.String && isRel) rel = reader.GetString();
                    else if (reader.TokenType == JsonTokenType.String && isHref) href = reader.GetString();
                    else if (!reader.TrySkip()) return null;
                }
                else if (reader.TokenType is JsonTokenType.StartArray && !reader.TrySkip()) return null;
            }
            return reader.TokenType == JsonTokenType.EndArray ? MarkerOf(next) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool IsNext(string? rel) => string.Equals(rel, "next", StringComparison.OrdinalIgnoreCase);

    private static string? MarkerOf(string? next)
    {
        if (string.IsNullOrEmpty(next)) return null;
        var question = next!.IndexOf('?');
        if (question < 0) return null;
        foreach (var pair in next.Substring(question + 1).Split('&'))
        {
            var equals = pair.IndexOf('=');
            if (equals > 0 && UriEncoding.Decode(pair.Substring(0, equals)) == "marker")
            {
                var marker = UriEncoding.Decode(pair.Substring(equals + 1).Replace('+', ' '));
                return marker.Length == 0 ? null : marker;
            }
        }
        return null;
    }
}
