using Microsoft.AspNetCore.Http;

namespace BackupQuery.Emulator.HuaweiCloud;

/// <summary>The three error body shapes the Huawei services use, each carrying the request id where the service does.</summary>
internal static class HuaweiErrors
{
    public const string AuthFailed = "APIGW.0301";
    public const string ApiNotFound = "APIGW.0101";

    /// <summary>API gateway shape: <c>{"error_code","error_msg","request_id"}</c>.</summary>
    public static Task Gateway(HttpContext context, int status, string code, string message) =>
        HuaweiJson.WriteAsync(context, status, w =>
        {
            w.WriteStartObject();
            w.WriteString("error_code", code);
            w.WriteString("error_msg", message);
            w.WriteString("request_id", HuaweiRequestIds.Of(context));
            w.WriteEndObject();
        });

    /// <summary>Service shape (GeminiDB, RDS, CBR): <c>{"error_code","error_msg"}</c>.</summary>
    public static Task Flat(HttpContext context, int status, string code, string message) =>
        HuaweiJson.WriteAsync(context, status, w =>
        {
            w.WriteStartObject();
            w.WriteString("error_code", code);
            w.WriteString("error_msg", message);
            w.WriteEndObject();
        });

    /// <summary>Nested shape (VBS; IAM adds a title): <c>{"error":{"code","message"[,"title"]}}</c>.</summary>
    public static Task Nested(HttpContext context, int status, string code, string message, string? title = null) =>
        HuaweiJson.WriteAsync(context, status, w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("error");
            w.WriteString("code", code);
            w.WriteString("message", message);
            if (title is not null) w.WriteString("title", title);
            w.WriteEndObject();
            w.WriteEndObject();
        });

    public static Task NotFound(HttpContext context) =>
        Gateway(context, StatusCodes.Status404NotFound, ApiNotFound, "The API does not exist or has not been published in the environment");

    public static Task Unauthorized(HttpContext context, string message) =>
        Gateway(context, StatusCodes.Status401Unauthorized, AuthFailed, message);
}
