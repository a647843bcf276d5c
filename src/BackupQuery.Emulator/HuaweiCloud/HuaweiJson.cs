using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace BackupQuery.Emulator.HuaweiCloud;

/// <summary>Streams JSON replies with Utf8JsonWriter and formats the services' timestamp styles.</summary>
internal static class HuaweiJson
{
    // Relaxed escaping: the services write '+0800' and non-ASCII text as is, not as \u002B escapes.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private const int FlushThreshold = 32 * 1024;

    /// <summary>Starts a JSON reply; dispose the writer (after <see cref="FlushAsync"/>) to finish it.</summary>
    public static Utf8JsonWriter Begin(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json;charset=UTF-8";
        return new Utf8JsonWriter(context.Response.Body, WriterOptions);
    }

    /// <summary>Pushes buffered output when it grows, so a 1000-record page is never held whole.</summary>
    public static ValueTask FlushIfFullAsync(Utf8JsonWriter writer, CancellationToken cancellationToken) =>
        writer.BytesPending > FlushThreshold ? new ValueTask(writer.FlushAsync(cancellationToken)) : ValueTask.CompletedTask;

    public static async Task WriteAsync(HttpContext context, int status, Action<Utf8JsonWriter> body)
    {
        await using var writer = Begin(context, status);
        body(writer);
        await writer.FlushAsync(context.RequestAborted);
    }

    /// <summary>GeminiDB style: <c>2019-05-27T03:38:51+0000</c> (offset without a colon).</summary>
    public static string OffsetTime(DateTimeOffset time) =>
        time.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) +
        (time.Offset < TimeSpan.Zero ? "-" : "+") + time.Offset.Duration().ToString("hhmm", CultureInfo.InvariantCulture);

    /// <summary>CBR/VBS style: <c>2020-08-18T06:00:45.375070</c> (UTC, microseconds, no zone).</summary>
    public static string ZonelessTime(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture);

    /// <summary>IAM style: <c>2026-11-23T04:46:56.000000Z</c>.</summary>
    public static string IamTime(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    public static void WriteStringOrNull(this Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null) writer.WriteNull(name);
        else writer.WriteString(name, value);
    }

    public static void WriteBoolOrNull(this Utf8JsonWriter writer, string name, bool? value)
    {
        if (value is { } b) writer.WriteBoolean(name, b);
        else writer.WriteNull(name);
    }
}
