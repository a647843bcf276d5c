using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace BackupQuery.Emulator.Hosting;

/// <summary>What <see cref="FaultKind.OddRecord"/> does to the record it picks.</summary>
public enum OddRecordKind
{
    /// <summary>The size field (<c>size</c>; CBR <c>resource_size</c>) becomes <c>"n/a"</c>.</summary>
    Size,
    /// <summary>The creation time (<c>createDate</c>, <c>begin_time</c>, <c>created_at</c>) becomes <c>"not-a-date"</c>.</summary>
    Date,
    /// <summary>The name becomes an object where a string is due.</summary>
    Object,
    /// <summary>The id (<c>uuid</c>, <c>id</c>) is left out.</summary>
    Missing,
    /// <summary>The record's flag (CBR <c>incremental</c>, RDS <c>associated_with_ddm</c>, VBS detail <c>is_incremental</c>)
    /// becomes <c>"yes"</c>; ZStack and GeminiDB records carry no flag and pass through untouched.</summary>
    Boolean,
}

/// <summary>
/// Serves the real reply with one record made odd, as real deployments sometimes send: the second record of the
/// page (the first when there is one) gets a value of the wrong type or shape, or loses a required field. Replies
/// that are not a 200 with a JSON list pass through untouched.
/// </summary>
internal static class OddRecordRewriter
{
    public const string OddSize = "n/a";
    public const string OddDate = "not-a-date";
    public const string OddBoolean = "yes";

    public static Task ServeAsync(HttpContext context, RequestDelegate next, OddRecordKind kind) =>
        ReplyBuffer.ServeRewrittenAsync(context, next, body => Rewrite(body, context.Request.Path.Value ?? "", kind));

    /// <summary>The body with one record made odd, or null when it holds no list of records.</summary>
    internal static byte[]? Rewrite(byte[] body, string path, OddRecordKind kind)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(body);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
        var zstack = path.StartsWith("/zstack", StringComparison.Ordinal);
        var records = (root?[zstack ? "inventories" : "backups"] ?? root?["infos"] ?? root?["backups"]) as JsonArray;
        if (records is not { Count: > 0 } || records[Math.Min(1, records.Count - 1)] is not JsonObject record) return null;
        var id = record.ContainsKey("uuid") ? "uuid" : "id";
        switch (kind)
        {
            case OddRecordKind.Size:
                record[path.StartsWith("/cbr", StringComparison.Ordinal) ? "resource_size" : "size"] = OddSize;
                break;
            case OddRecordKind.Date:
                record[zstack ? record.ContainsKey("created") ? "created" : "createDate" : record.ContainsKey("begin_time") ? "begin_time" : "created_at"] = OddDate;
                break;
            case OddRecordKind.Object:
                record["name"] = new JsonObject { ["odd"] = true };
                break;
            case OddRecordKind.Missing:
                record.Remove(id);
                break;
            case OddRecordKind.Boolean:
                var flag = new[] { "incremental", "associated_with_ddm", "is_incremental" }.FirstOrDefault(record.ContainsKey);
                if (flag is null) return null;
                record[flag] = OddBoolean;
                break;
        }
        return System.Text.Encoding.UTF8.GetBytes(root!.ToJsonString());
    }
}
