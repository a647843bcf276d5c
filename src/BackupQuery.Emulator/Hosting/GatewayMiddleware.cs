using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace BackupQuery.Emulator.Hosting;

/// <summary>
/// What a WAN and an API gateway add in front of the services: <see cref="EmulatorOptions.Latency"/> before every
/// reply, and <see cref="EmulatorOptions.RateLimit"/> requests per second per credential, beyond which it answers 429
/// (<c>APIGW.0308</c> on the Huawei services, a bare 429 on ZStack) without Retry-After, as the real gateway does.
/// Sign-in requests carry no credential and are not limited.
/// </summary>
internal sealed partial class GatewayMiddleware(RequestDelegate next, EmulatorServer server)
{
    private readonly RateLimiter? _limiter = server.Options.RateLimit > 0 ? new RateLimiter(server.Options.RateLimit, server.Options.Clock) : null;

    public async Task InvokeAsync(HttpContext context)
    {
        if (server.Options.Latency > TimeSpan.Zero) await Task.Delay(server.Options.Latency, context.RequestAborted);
        if (_limiter is not null && CredentialOf(context.Request) is { } credential && !_limiter.TryAcquire(credential))
        {
            server.Gateway.CountThrottled();
            await ThrottleReply.WriteAsync(context, retryAfter: null);
            return;
        }
        await next(context);
    }

    /// <summary>Who is asking: the IAM token, the access key of a signature, or the ZStack session or AccessKey.</summary>
    internal static string? CredentialOf(HttpRequest request)
    {
        if (request.Headers.TryGetValue("X-Auth-Token", out var token) && token.Count > 0) return "token:" + token[0];
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.Length == 0) return null;
        var access = AccessKey().Match(authorization);
        if (access.Success) return "ak:" + access.Groups[1].Value;
        if (authorization.StartsWith("ZStack ", StringComparison.Ordinal)) return "ak:" + authorization[7..].Split(':')[0];
        return authorization;
    }

    [GeneratedRegex(@"Access=([^,\s]+)")]
    private static partial Regex AccessKey();
}
