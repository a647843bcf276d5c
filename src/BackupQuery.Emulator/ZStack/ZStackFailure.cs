using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace BackupQuery.Emulator.ZStack;

/// <summary>
/// A failed ZStack call, thrown from anywhere in a handler and written by the route wrapper. ZStack has two error shapes:
/// the REST layer answers bad requests with plain text (400/403/404/405), while an API that ran and failed answers 503
/// with the <c>{"error":{...}}</c> envelope, which includes invalid sessions.
/// </summary>
public sealed class ZStackFailure : Exception
{
    private ZStackFailure(int status, string? code, string description, string? details)
        : base(details ?? description)
    {
        Status = status;
        Code = code;
        Description = description;
        Details = details;
    }

    public int Status { get; }
    /// <summary>Error code of the envelope (<c>ID.1001</c>...); null for a plain-text failure.</summary>
    public string? Code { get; }
    public string Description { get; }
    public string? Details { get; }

    public static ZStackFailure PlainText(int status, string text) => new(status, null, text, null);

    public static ZStackFailure Envelope(string code, string description, string details) => new(503, code, description, details);

    public static ZStackFailure InvalidArgument(string details) => Envelope("SYS.1007", "One or more API argument is invalid", details);

    public static ZStackFailure InvalidSession(string details) =>
        Envelope("ID.1001", "The session is expired or invalid. Please log in again.", details);

    /// <summary>A bad AccessKey id or signature: the spec names no code, so ID.1001 (invalid credential) with its own description.</summary>
    public static ZStackFailure InvalidAccessKey(string details) => Envelope("ID.1001", "Invalid AccessKey credential", details);

    public async Task WriteAsync(HttpResponse response)
    {
        response.StatusCode = Status;
        if (Code is null)
        {
            response.ContentType = "text/plain;charset=UTF-8";
            await response.WriteAsync(Description, response.HttpContext.RequestAborted);
            return;
        }
        response.ContentType = ZStackJson.ContentType;
        using (var w = new Utf8JsonWriter(response.BodyWriter, ZStackJson.WriterOptions))
        {
            w.WriteStartObject();
            w.WriteStartObject("error");
            w.WriteString("code", Code);
            w.WriteString("description", Description);
            w.WriteString("details", Details);
            foreach (var reserved in (ReadOnlySpan<string>)["elaboration", "opaque", "cause", "location", "cost"]) w.WriteNull(reserved);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        await response.BodyWriter.FlushAsync(response.HttpContext.RequestAborted);
    }
}
