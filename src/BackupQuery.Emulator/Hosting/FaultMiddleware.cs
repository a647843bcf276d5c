using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace BackupQuery.Emulator.Hosting;

/// <summary>Records every request in the journal (after the response, with its status) and in the gauge of requests in flight, and applies the armed faults.</summary>
internal sealed class FaultMiddleware(RequestDelegate next, EmulatorServer server)
{
    /// <summary>Journal status of a request whose connection the emulator aborted (no response at all).</summary>
    public const int AbortedStatus = 0;

    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        var status = AbortedStatus;
        FaultRule? fault = null;
        server.Gateway.Enter();
        try
        {
            fault = Choose(context.Request, path);
            status = await ServeAsync(context, path, fault);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            status = AbortedStatus;
        }
        catch
        {
            status = StatusCodes.Status500InternalServerError;
            throw;
        }
        finally
        {
            server.Gateway.Leave();
            server.Requests.Add(new JournalEntry(
                context.Request.Method,
                path,
                context.Request.QueryString.Value ?? "",
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                status)
            { Fault = fault?.Kind });
        }
    }

    /// <summary>The fault for this request: a dead server first, then an armed rule (every matching rule counts the
    /// request), then for a list call a random draw, then an empty page past <see cref="EmulatorOptions.EmptyPagesFrom"/>.</summary>
    private FaultRule? Choose(HttpRequest request, string path)
    {
        var options = server.Options;
        if (options.DeadServer) return new FaultRule(path, FaultKind.Status) { StatusCode = StatusCodes.Status502BadGateway };
        if (server.Faults.Take(path) is { } armed) return armed;
        if (!RandomFaults.IsListCall(request.Method, path)) return null;
        if (options.RandomFaults?.Draw(path) is { } drawn) return drawn;
        return options.EmptyPagesFrom is { } from && PageOffset(request.Query) >= from ? new FaultRule(path, FaultKind.EmptyPage) : null;
    }

    /// <summary>Where the requested page starts: <c>start</c> on ZStack, <c>offset</c> on Huawei, 0 when absent or not a number.</summary>
    private static long PageOffset(IQueryCollection query) =>
        long.TryParse(query["offset"].FirstOrDefault() ?? query["start"].FirstOrDefault(), System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var offset) ? offset : 0;

    private async Task<int> ServeAsync(HttpContext context, string path, FaultRule? fault)
    {
        var response = context.Response;
        switch (fault?.Kind)
        {
            case null:
                break;
            case FaultKind.TooManyRequests:
                // RetryAfter zero: a 429 without the header, as the real gateway sends it.
                await ThrottleReply.WriteAsync(context, fault.RetryAfter == TimeSpan.Zero ? null : fault.RetryAfter ?? TimeSpan.FromSeconds(1));
                return response.StatusCode;
            case FaultKind.Status:
                // What a proxy in front of the API says: a status and an HTML page, not the API's JSON.
                response.StatusCode = fault.StatusCode;
                await Text(response, "text/html", $"<html><body><h1>{fault.StatusCode} {ReasonPhrases.GetReasonPhrase(fault.StatusCode)}</h1></body></html>");
                return response.StatusCode;
            case FaultKind.Delay:
                await Task.Delay(fault.Delay, context.RequestAborted);
                break;
            case FaultKind.ConnectionReset:
                context.Abort();
                return AbortedStatus;
            case FaultKind.TruncatedJson:
                await ServeTruncatedAsync(context);
                return response.StatusCode;
            case FaultKind.MalformedJson:
                response.StatusCode = StatusCodes.Status200OK;
                await Text(response, "application/json;charset=UTF-8", IsZStack(path) ? """{"inventories": [ {"uuid": """ : "<html><body>upstream error</body></html>");
                return response.StatusCode;
            case FaultKind.OddRecord:
                await OddRecordRewriter.ServeAsync(context, next, fault.OddRecord);
                return response.StatusCode;
            case FaultKind.ExpireCredentials:
                server.ExpireCredentials();
                break;
            case FaultKind.EmptyPage:
                await EmptyPageRewriter.ServeAsync(context, next);
                return response.StatusCode;
            case FaultKind.LowercaseHeaders:
                response.OnStarting(() =>
                {
                    LowercaseNames(response.Headers);
                    return Task.CompletedTask;
                });
                break;
            case FaultKind.HeadInsert:
                await next(context);
                server.Options.HeadInserts.Add(fault.InsertCount);
                return response.StatusCode;
        }
        await next(context);
        return response.StatusCode;
    }

    /// <summary>Runs the endpoint into a buffer, then sends the first half as a 200 without Content-Length: the body ends
    /// cleanly mid-document, so the client sees invalid JSON rather than a transport error.</summary>
    private async Task ServeTruncatedAsync(HttpContext context)
    {
        var response = context.Response;
        var body = await ReplyBuffer.CaptureAsync(context, next);
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentLength = null;
        await response.Body.WriteAsync(body.AsMemory(0, body.Length / 2), context.RequestAborted);
    }

    /// <summary>Each header under its name in lower case (Kestrel still writes the ones it knows, such as Date, its own way).</summary>
    private static void LowercaseNames(IHeaderDictionary headers)
    {
        foreach (var (name, value) in headers.ToList())
        {
            var lower = name.ToLowerInvariant();
            if (lower == name) continue;
            headers.Remove(name);
            headers.Append(lower, value);
        }
    }

    private static bool IsZStack(string path) => path.StartsWith("/zstack", StringComparison.Ordinal);

    private static Task Text(HttpResponse response, string contentType, string body)
    {
        response.ContentType = contentType;
        return response.WriteAsync(body, response.HttpContext.RequestAborted);
    }
}
