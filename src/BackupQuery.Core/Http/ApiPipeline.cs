using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace BackupQuery.Http;

/// <summary>
/// The one request pipeline every provider uses: take a slot of the connection's <see cref="ConcurrencyLimit"/> and a
/// turn of its <see cref="RequestPacer"/>, authenticate, send, read, retry transient failures while the listing makes
/// progress (<see cref="RetryPolicy"/>, <see cref="ProgressWatch"/>), sign in again whenever the session that failed is
/// still the current one, and map error replies to <see cref="ApiException"/>. One Verbose line per HTTP call; Debug
/// shows headers and bodies with the protocol's secrets masked.
/// </summary>
internal sealed class ApiPipeline
{
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

    /// <summary>Requests in flight on this connection, shared by every listing on it. Sign-ins bypass it; a request that
    /// meets an expired credential gives its slot up while the credential is renewed.</summary>
    public ConcurrencyLimit Limit { get; }

    /// <summary>The pace this connection keeps once a gateway has throttled it.</summary>
    public RequestPacer Pacer { get; } = new();

    /// <summary>
    /// Sends <paramref name="request"/> and reads a successful reply with <paramref name="read"/> (inside the attempt, so a
    /// connection that breaks mid-body is retried). <paramref name="itemCount"/> tells the Verbose line how many items came.
    /// </summary>
    public Task<T> SendAsync<T>(ApiRequest request, Func<Stream, CancellationToken, ValueTask<T>> read,
        Func<T, int?>? itemCount, CancellationToken cancellationToken, ProgressWatch? listing = null) =>
        SendAsync(request, (_, stream, ct) => read(stream, ct), itemCount, cancellationToken, listing);

    /// <summary>
    /// As above, but the reader also sees the reply's status and headers (a sign-in may return its token in a header).
    /// <paramref name="listing"/> is the progress of the listing this request belongs to; without one, the request is on its own.
    /// </summary>
    public async Task<T> SendAsync<T>(ApiRequest request, Func<HttpResponseMessage, Stream, CancellationToken, ValueTask<T>> read,
        Func<T, int?>? itemCount, CancellationToken cancellationToken, ProgressWatch? listing = null)
    {
        var sent = await SendUncountedAsync(request, read, cancellationToken, listing).ConfigureAwait(false);
        sent.Line.Write(itemCount?.Invoke(sent.Reply));
        return sent.Reply;
    }

    /// <summary>
    /// As above, but the success line is left to the caller, who writes it (<see cref="SuccessLine.Write"/>) once it has
    /// counted the items: a reply read as bytes is parsed later.
    /// </summary>
    public async Task<(T Reply, SuccessLine Line)> SendUncountedAsync<T>(ApiRequest request, Func<HttpResponseMessage, Stream, CancellationToken, ValueTask<T>> read,
        CancellationToken cancellationToken, ProgressWatch? listing = null)
    {
        var log = ApiLog.Current;
        var progress = listing ?? new ProgressWatch();
        var started = Stopwatch.StartNew();
        var seen = progress.Successes;
        var failures = 0; // failed attempts since the listing last made progress: the backoff grows with them
        var counted = 0; // of those, the ones a request on its own counts against MaxAttempts (throttles never count)
        ApiException? last = null;
        for (var attempt = 1; ; attempt++)
        {
            var watch = Stopwatch.StartNew();
            var credential = new CredentialUsed();
            using var lease = request.IsLogin ? null : await Limit.AcquireAsync(cancellationToken).ConfigureAwait(false);
            // The attempt may use what is left of the wait budget, so a server that never answers is given up in time.
            using var budget = new AttemptDeadline(progress, _retry.MaxTotalWait, cancellationToken);
            TimeSpan? turn = null; // when this attempt was let go by the pacer (sign-ins are not paced)
            try
            {
                if (!request.IsLogin) turn = await Pacer.WaitTurnAsync(budget.Token).ConfigureAwait(false);
                var result = await SendOnceAsync(request, read, log, credential, budget.Token).ConfigureAwait(false);
                Limit.OnSuccess();
                if (turn is { } sent) Pacer.OnSuccess(sent);
                progress.Succeeded();
                return (result, new SuccessLine(log, $"{request.Method} {request.DisplayPath} -> 200", $"{watch.ElapsedMilliseconds} ms (attempt {attempt})"));
            }
            catch (Exception e) when (budget.Passed && !cancellationToken.IsCancellationRequested)
            {
                // Out of time in the middle of an attempt: report what the earlier attempts met, else that nothing came.
                log.Verbose($"{request.Method} {request.DisplayPath} -> no reply, {watch.ElapsedMilliseconds} ms (attempt {attempt}); out of time");
                var silent = last is null or { Kind: ApiErrorKind.Timeout };
                throw GaveUp(last ?? new ApiException(ApiErrorKind.Timeout, _protocol.Provider, request.Operation, null, null,
                        $"no reply within {_retry.MaxTotalWait.TotalSeconds:0.#} s", null, isTransient: true, inner: e),
                    attempt, started.Elapsed, Why(null, listing is not null),
                    silent ? "lower -TimeoutSec so that a server that does not answer is asked again sooner, or raise -MaximumRetryWaitSec" : null);
            }
            catch (ApiException error) when (!request.IsLogin && _protocol.IsCredentialExpired(error))
            {
                // Sessions end early (logged out, evicted by a newer one, timed out during a long listing): sign in again
                // whenever the one that failed is still the current one (one sign-in however many requests met it),
                // within the same budget as any retry. A sign-in that fails (a wrong password) fails the request at once.
                lease?.Dispose();
                last = error;
                // Renewals that bring no progress count against MaxAttempts even in a listing: a credential rejected
                // right after each sign-in is not a session ending early.
                NoteFailure(progress, ref seen, ref failures, ref counted, counts: true);
                log.Verbose($"{request.Method} {request.DisplayPath} -> {Status(error)} {error.ServiceCode}, {watch.ElapsedMilliseconds} ms (attempt {attempt}); credential expired, signing in again");
                var pause = _retry.NextDelay(failures, counted, progress.SinceProgress, null, Jitter.Next());
                if (pause is null) throw GaveUp(error, attempt, started.Elapsed, Why(counted, listing is not null), "check that the account may call this API, then connect again");
                // The first expiry is renewed at once; one that comes again with no progress in between waits first.
                if (failures > 1) await Task.Delay(pause.Value, cancellationToken).ConfigureAwait(false);
                if (!await _protocol.TryRenewCredentialAsync(credential.Generation, cancellationToken).ConfigureAwait(false)) throw;
            }
            catch (ApiException error) when (error.IsTransient)
            {
                last = error;
                var throttled = error.Kind == ApiErrorKind.Throttled;
                if (lease is not null && throttled && turn is { } sent)
                {
                    // The first throttle also halves the requests in flight; once paced, the pace alone answers throttles.
                    if (Pacer.Rate is null) Limit.OnThrottled(lease);
                    Pacer.OnThrottled(sent);
                }
                else if (lease is not null) Limit.OnFailed(lease);
                // The slot is free while this request waits: the others go on.
                lease?.Dispose();
                NoteFailure(progress, ref seen, ref failures, ref counted, counts: listing is null && !throttled);
                int? bounded = listing is null ? counted : null;
                var delay = _retry.NextDelay(failures, bounded, progress.SinceProgress, error.RetryAfter, Jitter.Next());
                if (delay is null)
                {
                    log.Verbose($"{request.Method} {request.DisplayPath} -> {Status(error)}{Code(error)}, {watch.ElapsedMilliseconds} ms (attempt {attempt}); giving up");
                    throw GaveUp(error, attempt, started.Elapsed, Why(bounded, listing is not null), null);
                }
                log.Verbose($"{request.Method} {request.DisplayPath} -> {Status(error)}{Code(error)}, {watch.ElapsedMilliseconds} ms (attempt {attempt}); retrying in {delay.Value.TotalMilliseconds:0} ms{(throttled ? $", {Limit.Current} in flight at most{Pace()}" : "")}");
                await Task.Delay(delay.Value, cancellationToken).ConfigureAwait(false);
            }
            catch (ApiException error)
            {
                if (lease is not null && error.Kind == ApiErrorKind.Throttled) Limit.OnThrottled(lease);
                log.Verbose($"{request.Method} {request.DisplayPath} -> {Status(error)}{Code(error)}, {watch.ElapsedMilliseconds} ms (attempt {attempt})");
                throw;
            }
        }
    }

    /// <summary>Counts a failed attempt; the counts start again when the listing made progress since the last one.</summary>
    private static void NoteFailure(ProgressWatch progress, ref int seen, ref int failures, ref int counted, bool counts)
    {
        if (progress.Successes != seen)
        {
            seen = progress.Successes;
            failures = 0;
            counted = 0;
        }
        failures++;
        if (counts) counted++;
    }

    /// <summary>The last error, with how often and how long it was tried, why that was enough, and what to change.</summary>
    private ApiException GaveUp(ApiException last, int attempts, TimeSpan elapsed, string why, string? advice) =>
        last.WithNote($"Gave up after {attempts} attempt(s) over {elapsed.TotalSeconds:0.#} s: {why}; " +
            (advice ?? "the server is not answering as it should: try again later, or raise -MaximumRetryWaitSec to wait longer") + ".");

    /// <summary>Why <see cref="RetryPolicy.NextDelay"/> said no more.</summary>
    private string Why(int? counted, bool inListing) =>
        _retry.MaxAttempts <= 1 ? "retries are off (-MaximumRetryCount 0)"
        : counted >= _retry.MaxAttempts ? $"{counted} attempts in a row failed with no progress between them (-MaximumRetryCount {_retry.MaxAttempts - 1})"
        : inListing ? $"no request of the listing succeeded for {_retry.MaxTotalWait.TotalSeconds:0.#} s (-MaximumRetryWaitSec)"
        : $"it did not succeed within {_retry.MaxTotalWait.TotalSeconds:0.#} s (-MaximumRetryWaitSec)";

    private string Pace() => Pacer.Rate is { } rate ? $", paced at {rate:0.#} requests/s" : "";

    private static string Code(ApiException error) => error.ServiceCode is null ? "" : " " + error.ServiceCode;

    /// <summary>The Verbose line of a request that succeeded, written once its items are counted.</summary>
    internal sealed class SuccessLine(IApiLog log, string outcome, string timing)
    {
        public void Write(int? items, string? note = null) =>
            log.Verbose($"{outcome}{(items is null ? "" : $", {items} items")}, {timing}{(note is null ? "" : "; " + note)}");
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
            var requestId = _protocol.Vocabulary.RequestIdOf(response, message);
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

    private static string DescribePage(ApiRequest request) => request.PagePosition is { } position ? $" ({position})" : "";

    private static bool IsTimeout(Exception e, CancellationToken cancellationToken) =>
        e is OperationCanceledException && !cancellationToken.IsCancellationRequested;

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

    private string DescribeRequest(ApiRequest request, HttpRequestMessage message)
    {
        var text = new StringBuilder();
        var query = request.EncodedQuery(maskSecrets: true);
        text.Append(request.Method).Append(' ').Append(request.DisplayPath).Append(query.Length == 0 ? "" : "?" + query);
        AppendHeaders(text, message.Headers);
        if (request.Body is not null)
        {
            text.Append("\n\n").Append(request.IsLogin ? "(withheld: credentials)" : _protocol.Vocabulary.Masker.Body(Encoding.UTF8.GetString(request.Body)));
        }
        return text.ToString();
    }

    private string DescribeResponse(HttpResponseMessage response, string body)
    {
        var text = new StringBuilder().Append("HTTP ").Append((int)response.StatusCode).Append(' ').Append(response.ReasonPhrase);
        AppendHeaders(text, response.Headers);
        return text.Append("\n\n").Append(_protocol.Vocabulary.Masker.Body(body)).ToString();
    }

    private void AppendHeaders(StringBuilder text, HttpHeaders headers)
    {
        foreach (var header in headers)
        {
            text.Append('\n').Append(header.Key).Append(": ").Append(_protocol.Vocabulary.Masker.HeaderValue(header.Key, string.Join(", ", header.Value)));
        }
    }
}
