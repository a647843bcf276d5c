using Microsoft.AspNetCore.Http;

namespace BackupQuery.Emulator.Hosting;

/// <summary>Runs the endpoint into memory, so a fault can change its reply before anything reaches the client.</summary>
internal static class ReplyBuffer
{
    /// <summary>The endpoint's reply body; the response's own body stream is in place again when this returns.</summary>
    public static async Task<byte[]> CaptureAsync(HttpContext context, RequestDelegate next)
    {
        var response = context.Response;
        var original = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        try
        {
            await next(context);
            await response.BodyWriter.FlushAsync(context.RequestAborted);
        }
        finally
        {
            response.Body = original;
        }
        return buffer.ToArray();
    }

    /// <summary>Serves the endpoint's reply changed by <paramref name="rewrite"/> when it is a 200 (null from it: unchanged).</summary>
    public static async Task ServeRewrittenAsync(HttpContext context, RequestDelegate next, Func<byte[], byte[]?> rewrite)
    {
        var response = context.Response;
        var body = await CaptureAsync(context, next);
        if (response.StatusCode == StatusCodes.Status200OK && rewrite(body) is { } changed) body = changed;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, context.RequestAborted);
    }
}
