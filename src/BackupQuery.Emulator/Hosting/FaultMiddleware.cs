using Microsoft.AspNetCore.Http;

namespace BackupQuery.Emulator.Hosting;

/// <summary>Records every request in the journal and applies the armed faults. (Fault behaviour: owned by the ZStack-half helper.)</summary>
internal sealed class FaultMiddleware(RequestDelegate next, EmulatorServer server)
{
    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        server.Requests.Add(new JournalEntry(
            context.Request.Method,
            context.Request.Path.Value ?? "",
            context.Request.QueryString.Value ?? "",
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            context.Response.StatusCode));
    }
}
