using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace BackupQuery.Emulator.Hosting;

/// <summary>
/// Serves the real reply with its records left out and everything else kept, the total in particular: a page past the
/// end of what a server will really return while it still reports the full count. Every top-level array of the reply
/// is emptied (<c>inventories</c>, <c>backups</c>...) but links (<c>backups_links</c>). Replies that are not a 200 with
/// a JSON object pass through untouched.
/// </summary>
internal static class EmptyPageRewriter
{
    public static Task ServeAsync(HttpContext context, RequestDelegate next) => ReplyBuffer.ServeRewrittenAsync(context, next, Rewrite);

    /// <summary>The body with its record arrays emptied, or null when it is not a JSON object.</summary>
    internal static byte[]? Rewrite(byte[] body)
    {
        JsonObject? root;
        try
        {
            root = JsonNode.Parse(body) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
        if (root is null) return null;
        foreach (var (name, value) in root.ToList())
        {
            if (value is JsonArray && !name.EndsWith("links", StringComparison.Ordinal)) root[name] = new JsonArray();
        }
        return System.Text.Encoding.UTF8.GetBytes(root.ToJsonString());
    }
}
