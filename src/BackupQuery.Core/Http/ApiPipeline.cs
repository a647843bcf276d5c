using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace BackupQuery.Http;

/// <summary>
/// The one request pipeline every provider uses: take a slot of the connection's <see cref="ConcurrencyLimit"/>,
/// authenticate, send, read, retry transient failures (a throttle also lowers the limit), re-authenticate once when the
/// credential expired, and map error replies to <see cref="ApiException"/>. One Verbose line per HTTP call; Debug shows
/// headers and bodies with secrets masked.
/// </summary>
public sealed class ApiPipeline
{
    private static readonly string[] RequestIdHeaders = ["X-Request-Id", "X-IAM-Trace-Id", "X-Openstack-Request-Id"];

    private readonly HttpClient _http;
    private readonly IApiProtocol _protocol;
    private readonly RetryPolicy _retry;

    public ApiPipeline(HttpClient http, IApiProtocol protocol, RetryPolicy? retry = null, ConcurrencyLimit? limit = null)
    {
        _http = http;
        _protocol = protocol;
        _retry = retry ?? RetryPolicy.Default;
        Limit = limit ?? new ConcurrencyLimit();
    }

    public IApiProtocol Protocol => _protocol;

    /// <summary>Requests in flight on this connection, shared by every listing on it. Sign-ins bypass it (a renewal
    /// happens while the request that needed it holds its slot).</summary>
    public ConcurrencyLimit Limit { get; }

    /// <summary>
    /// Sends <paramref name="request"/> and reads a successful reply with <paramref name="read"/> (inside the attempt, so a
    /// connection that breaks mid-body is retried). <paramref name="itemCount"/> tells the Verbose line how many items came.
    /// </summary>
    public Task<T> SendAsync<T>(ApiRequest request, Func<Stream, CancellationToken, ValueTask<T>> read,
        Func<T, int?>? itemCount, CancellationToken cancellationToken) =>
        SendAsync(request, (_, stream, ct) => read(stream, ct), itemCount, cancellationToken);

    /// <summary>
    /// As above, but the reader also sees the reply's status and headers: Huawei IAM returns its token in the
    /// <c>X-Subject-Token</c> header, not in the body.
    /// </summary>
    public async Task<T> SendAsync<T>(ApiRequest request, Func<HttpResponseMessage, Stream, CancellationToken, ValueTask<T>> read,
        Func<T, int?>? itemCount, CancellationToken cancellationToken)
    {
        var log = ApiLog.Current;
        var renewed = false;
        var waited = TimeSpan.Zero;
        for (var attempt = 1; ; attempt++)
        {
            var watch = Stopwatch.StartNew();
            var credential = new CredentialUsed();
            using var lease = request.IsLogin ? null : await Limit.AcquireAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var result = await SendOnceAsync(request, read, log, credential, cancellationToken).ConfigureAwait(false);
                Limit.OnSuccess();
                var items = itemCount?.Invoke(result);
                log.Verbose($"{request.Method} {request.DisplayPath} -> 200{(items is null ? "" : $", {items} items")}, {watch.ElapsedMilliseconds} ms (attempt {attempt})");
                return result;
            }
            catch (ApiException error) when (!request.IsLogin && !renewed && _protocol.IsCredentialExpired(error))
            {
                log.Verbose($"{request.Method} {request.DisplayPath} -> {Status(error)} {error.ServiceCode}, {watch.ElapsedMilliseconds} ms (attempt {attempt}); credential expired, signing in again");
                renewed = true;
                lease?.Dispose();
                if (!await _protocol.TryRenewCredentialAsync(credential.Generation, cancellationToken).ConfigureAwait(false)) throw;
            }
            catch (ApiException error) when (error.IsTransient && _retry.NextDelay(attempt, waited, error.RetryAfter, Jitter.Next()) is { } delay)
            {
                if (lease is not null && error.Kind == ApiErrorKind.Throttled) Limit.OnThrottled(lease);
                // The slot is free while this request waits: the others go on.
                lease?.Dispose();
                waited += delay;
                log.Verbose($"{request.Method} {request.DisplayPath} -> {Status(error)}{(error.ServiceCode is null ? "" : " " + error.ServiceCode)}, {watch.ElapsedMilliseconds} ms (attempt {attempt}); retrying in {delay.TotalMilliseconds:0} ms{(error.Kind == ApiErrorKind.Throttled ? $", {Limit.Current} in flight at most" : "")}");
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
            catch (ApiException error)
            {
                if (lease is not null && error.Kind == ApiErrorKind.Throttled) Limit.OnThrottled(lease);
                log.Verbose($"{request.Method} {request.DisplayPath} -> {Status(error)}{(error.ServiceCode is null ? "" : " " + error.ServiceCode)}, {watch.ElapsedMilliseconds} ms (attempt {attempt})");
                throw;
            }
        }
    }

    /// <summary>The generation of the credential an attempt was sent with, so an expiry renews it at most once.</summary>
    private sealed class CredentialUsed
    {
        public int Generation { get; set; }
    }

    private static string Status(ApiException error) => error.StatusCode is null ? error.Kind.ToString() : ((int)error.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task<T> SendOnceAsync<T>(ApiRequest request, Func<HttpResponseMessage, Stream, CancellationToken, ValueTask<T>> read, IApiLog log,
        CredentialUsed credential, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(request.Method, request.RequestUri);
        foreach (var header in request.Headers) message.Headers.TryAddWithoutValidation(header.Key, header.Value);
        if (request.Body is not null)
        {
            message.Content = new ByteArrayContent(request.Body);
            message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
        }
        if (!request.IsLogin) credential.Generation = await _protocol.AuthenticateAsync(message, request, cancellationToken).ConfigureAwait(false);
        if (log.IsDebugEnabled) log.Debug(DescribeRequest(request, message));

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsTimeout(e, cancellationToken))
        {
            throw new ApiException(ApiErrorKind.Timeout, _protocol.Provider, request.Operation, null, null,
                $"no reply within {_http.Timeout.TotalSeconds:0} s", null, "Raise -TimeoutSec if the server is slow.", isTransient: true, inner: e);
        }
        catch (HttpRequestException e)
        {
            throw await TransportFailure.ClassifyAsync(e, _protocol.Provider, request, ProtocolProbe.Default, cancellationToken).ConfigureAwait(false);
        }

        using (response)
        {
            var requestId = RequestIdOf(response, message);
            if (!response.IsSuccessStatusCode)
            {
                var body = await ReadTextAsync(response, cancellationToken).ConfigureAwait(false);
                if (log.IsDebugEnabled) log.Debug(DescribeResponse(response, request.IsLogin ? "(withheld: login reply)" : body));
                throw _protocol.ReadError(request, response, body);
            }

            try
            {
                using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
                if (!log.IsDebugEnabled) return await read(response, stream, cancellationToken).ConfigureAwait(false);

                // Debug wants the body: buffer it once, show it masked, then parse the buffer.
                using var buffer = new MemoryStream();
                await stream.CopyToAsync(buffer, 81920, cancellationToken).ConfigureAwait(false);
                log.Debug(DescribeResponse(response, request.IsLogin ? "(withheld: login reply)" : Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)Math.Min(buffer.Length, 16384))));
                buffer.Position = 0;
                return await read(response, buffer, cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException e)
            {
                // Values of the wrong type are read as null (odd records), so this is broken JSON: a body cut short on the
                // way, or a proxy's page. Asked again, the first comes whole; the second fails every attempt and is reported.
                var where = e.Path is null ? "" : $" at {e.Path}";
                throw new ApiException(ApiErrorKind.InvalidResponse, _protocol.Provider, request.Operation, response.StatusCode, null,
                    $"the reply to {request.DisplayPath}{DescribePage(request)} is not valid JSON of the expected shape{where}: {e.Message}", requestId,
                    isTransient: true, inner: e);
            }
            catch (Exception e) when (e is IOException or HttpRequestException || IsTimeout(e, cancellationToken))
            {
                throw new ApiException(ApiErrorKind.Connection, _protocol.Provider, request.Operation, response.StatusCode, null,
                    $"the connection broke while reading the reply to {request.DisplayPath}{DescribePage(request)}", requestId, isTransient: true, inner: e);
            }
        }
    }

    private static string DescribePage(ApiRequest request)
    {
        var paging = request.Query.Where(p => p.Key is "start" or "offset" or "marker").Select(p => $"{p.Key} {p.Value}").ToList();
        return paging.Count == 0 ? "" : $" ({string.Join(", ", paging)})";
    }

    private static bool IsTimeout(Exception e, CancellationToken cancellationToken) =>
        e is OperationCanceledException && !cancellationToken.IsCancellationRequested;

    /// <summary>The service's request id: from the reply's headers, else the job id this client sent (ZStack).</summary>
    public static string? RequestIdOf(HttpResponseMessage response, HttpRequestMessage? message = null)
    {
        foreach (var name in RequestIdHeaders)
        {
            if (response.Headers.TryGetValues(name, out var values)) return values.FirstOrDefault();
        }
        return message?.Headers.TryGetValues("X-Job-UUID", out var job) == true ? job.FirstOrDefault() : null;
    }

    private static async Task<string> ReadTextAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            return await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            return "";
        }
    }

    private static string DescribeRequest(ApiRequest request, HttpRequestMessage message)
    {
        var text = new StringBuilder();
        var query = request.EncodedQuery(maskSecrets: true);
        text.Append(request.Method).Append(' ').Append(request.DisplayPath).Append(query.Length == 0 ? "" : "?" + query);
        AppendHeaders(text, message.Headers);
        if (request.Body is not null)
        {
            text.Append("\n\n").Append(request.IsLogin ? "(withheld: credentials)" : SecretMasker.Body(Encoding.UTF8.GetString(request.Body)));
        }
        return text.ToString();
    }

    private static string DescribeResponse(HttpResponseMessage response, string body)
    {
        var text = new StringBuilder().Append("HTTP ").Append((int)response.StatusCode).Append(' ').Append(response.ReasonPhrase);
        AppendHeaders(text, response.Headers);
        return text.Append("\n\n").Append(SecretMasker.Body(body)).ToString();
    }

    private static void AppendHeaders(StringBuilder text, HttpHeaders headers)
    {
        foreach (var header in headers)
        {
            text.Append('\n').Append(header.Key).Append(": ").Append(SecretMasker.HeaderValue(header.Key, string.Join(", ", header.Value)));
        }
    }
}
