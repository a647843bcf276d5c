using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace BackupQuery.Emulator.Hosting;

/// <summary>A 429 as each provider sends it: the Huawei gateway's <c>APIGW.0308</c> body with its request id, or ZStack's bare text.</summary>
internal static class ThrottleReply
{
    public static Task WriteAsync(HttpContext context, TimeSpan? retryAfter)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        if (retryAfter is { } wait) response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        if (context.Request.Path.StartsWithSegments("/zstack"))
        {
            response.ContentType = "text/plain;charset=UTF-8";
            return response.WriteAsync("Too Many Requests", context.RequestAborted);
        }
        // The gateway answers for Huawei services: its body and header carry the same request id.
        var requestId = Guid.NewGuid().ToString("N");
        response.Headers["X-Request-Id"] = requestId;
        response.ContentType = "application/json;charset=UTF-8";
        return response.WriteAsync($$"""{"error_code":"APIGW.0308","error_msg":"policy user over ratelimit","request_id":"{{requestId}}"}""", context.RequestAborted);
    }
}
