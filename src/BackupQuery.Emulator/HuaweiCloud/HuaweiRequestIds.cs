using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BackupQuery.Emulator.HuaweiCloud;

/// <summary>Gives every Huawei request a fresh request id header, which error bodies repeat.</summary>
internal static class HuaweiRequestIds
{
    private const string ItemKey = "huawei.request-id";

    public static void Use(WebApplication app, IReadOnlyList<string> services)
    {
        var prefixes = services.Select(s => new PathString("/" + s)).ToArray();
        app.Use(async (context, next) =>
        {
            var prefix = prefixes.FirstOrDefault(p => context.Request.Path.StartsWithSegments(p));
            if (prefix.HasValue)
            {
                var id = Guid.NewGuid().ToString("N");
                context.Items[ItemKey] = id;
                context.Response.Headers["X-Request-Id"] = id;
                if (prefix == "/iam") context.Response.Headers["X-IAM-Trace-Id"] = id;
            }
            await next(context);
        });
    }

    public static string Of(HttpContext context) =>
        context.Items.TryGetValue(ItemKey, out var id) && id is string s ? s : Guid.NewGuid().ToString("N");
}
