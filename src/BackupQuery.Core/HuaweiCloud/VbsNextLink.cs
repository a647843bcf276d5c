using BackupQuery.Http;

namespace BackupQuery.HuaweiCloud;

/// <summary>
/// The VBS <c>next</c> link: it may name an internal host and drop <c>/v2</c>, so only its <c>marker</c> is taken and the
/// next page is asked of the configured endpoint.
/// </summary>
internal static class VbsNextLink
{
    /// <summary>The <c>marker</c> of the <c>rel=next</c> link, or null when no more remain.</summary>
    internal static string? NextMarker(VbsBackupsReply? reply)
    {
        var next = reply?.BackupsLinks?.FirstOrDefault(l => string.Equals(l.Rel, "next", StringComparison.OrdinalIgnoreCase))?.Href;
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
