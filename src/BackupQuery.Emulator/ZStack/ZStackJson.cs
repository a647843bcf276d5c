using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace BackupQuery.Emulator.ZStack;

/// <summary>Streams a JSON reply straight into the response pipe: pages of 1000 records never sit in memory as text.</summary>
internal static class ZStackJson
{
    public const string ContentType = "application/json;charset=UTF-8";

    /// <summary>Minimal escaping like Gson's: quotes inside the metadata string read <c>\"</c>, not <c>\u0022</c>.</summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Calls <paramref name="write"/> with a writer on the response body; it may await <c>flush</c> between records.</summary>
    public static async Task WriteAsync(HttpResponse response, Func<Utf8JsonWriter, Func<ValueTask>, Task> write)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        var pipe = response.BodyWriter;
        var token = response.HttpContext.RequestAborted;
        using var w = new Utf8JsonWriter(pipe, WriterOptions);
        async ValueTask Flush()
        {
            w.Flush();
            await pipe.FlushAsync(token);
        }
        await write(w, Flush);
        await Flush();
    }

    public static Task WriteAsync(HttpResponse response, Action<Utf8JsonWriter> write) =>
        WriteAsync(response, (w, _) =>
        {
            write(w);
            return Task.CompletedTask;
        });

    /// <summary>Writes a property only when it has a value: ZStack's Gson omits nulls.</summary>
    public static void StringIfNotNull(this Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null) w.WriteString(name, value);
    }
}
