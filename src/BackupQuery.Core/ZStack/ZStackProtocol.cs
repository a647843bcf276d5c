using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using BackupQuery.Http;

namespace BackupQuery.ZStack;

/// <summary>
/// ZStack's side of the pipeline: the session (or AccessKey) header on every call, the 503 error envelope and the
/// plain-text errors, and one re-login when the session expired (<c>ID.1001</c>).
/// </summary>
internal sealed class ZStackProtocol : IApiProtocol
{
    public const string ProviderName = "ZStack";
    private const string SessionExpiredCode = "ID.1001";

    private readonly ZStackCredential _credential;
    private readonly TimeZoneInfo _serverZone;
    private readonly SingleFlightSignIn _signIn;
    private Connections.SensitiveString? _session;

    /// <summary><paramref name="pipeline"/> builds the one pipeline for this protocol (logins go through it too).</summary>
    public ZStackProtocol(ZStackCredential credential, TimeZoneInfo serverZone, Uri baseAddress, Func<IApiProtocol, ApiPipeline> pipeline)
    {
        _credential = credential;
        _serverZone = serverZone;
        BaseAddress = baseAddress;
        _signIn = new SingleFlightSignIn(LoginCoreAsync);
        Pipeline = pipeline(this);
    }

    public string Provider => ProviderName;

    /// <summary>ZStack replies carry no request id: the job id this client sends in <c>X-Job-UUID</c> serves as one.</summary>
    public static readonly ProtocolVocabulary Words = new(["X-Job-UUID"], [], ["sessionUuid"]);

    public ProtocolVocabulary Vocabulary => Words;

    public ApiPipeline Pipeline { get; }

    public Uri BaseAddress { get; }

    public DateTimeOffset? SessionExpiresAt { get; private set; }

    public bool HasSession => _session is not null;

    public ValueTask<int> AuthenticateAsync(HttpRequestMessage message, ApiRequest request, CancellationToken cancellationToken)
    {
        // Lets the server correlate, and gives errors a request id (ZStack replies carry none).
        message.Headers.TryAddWithoutValidation("X-Job-UUID", Guid.NewGuid().ToString("N"));
        if (_credential is ZStackCredential.AccessKey key)
        {
            var date = ZStackAccessKeySigner.FormatDate(DateTimeOffset.UtcNow, _serverZone);
            var uri = "/" + UriEncoding.Decode(request.Path.TrimStart('/'));
            var signature = key.Secret.Use(secret => ZStackAccessKeySigner.Sign(secret, request.Method.Method, date, uri));
            message.Headers.TryAddWithoutValidation("Date", date);
            message.Headers.TryAddWithoutValidation("Authorization", $"ZStack {key.AccessKeyId}:{signature}");
        }
        else if (_session is { } session)
        {
            message.Headers.TryAddWithoutValidation("Authorization", session.Use(s => "OAuth " + s));
        }
        return new ValueTask<int>(_signIn.Generation);
    }

    public bool IsCredentialExpired(ApiException error) => error.ServiceCode == SessionExpiredCode && _credential is not ZStackCredential.AccessKey;

    public async ValueTask<bool> TryRenewCredentialAsync(int expired, CancellationToken cancellationToken)
    {
        if (_credential is ZStackCredential.AccessKey) return false;
        await _signIn.RenewAsync(expired, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Logs in by account or by user (AccessKey connections have no session).</summary>
    public Task LoginAsync(CancellationToken cancellationToken) =>
        _credential is ZStackCredential.AccessKey ? Task.CompletedTask : _signIn.RenewAsync(null, cancellationToken);

    /// <summary>Logins so far (the first one included).</summary>
    public int LoginCount => _signIn.Count;

    private async Task LoginCoreAsync(CancellationToken cancellationToken)
    {
        var (path, body) = _credential switch
        {
            ZStackCredential.Account a => ("v1/accounts/login", a.Password.Use(p => LoginBody("logInByAccount", w =>
            {
                w.WriteString("accountName", a.AccountName);
                w.WriteString("password", ZStackPasswordHash.Compute(p));
            }))),
            ZStackCredential.User u => ("v1/accounts/users/login", u.Password.Use(p => LoginBody("logInByUser", w =>
            {
                w.WriteString("accountName", u.AccountName);
                w.WriteString("userName", u.UserName);
                w.WriteString("password", ZStackPasswordHash.Compute(p));
            }))),
            _ => throw new InvalidOperationException("Unknown ZStack credential."),
        };
        var request = new ApiRequest(HttpMethod.Put, BaseAddress, path, _credential is ZStackCredential.User ? "LogInByUser" : "LogInByAccount") { Body = body, IsLogin = true };
        var reply = await Pipeline.SendAsync(request, (s, ct) => new ValueTask<ZStackLoginReply?>(JsonSerializer.DeserializeAsync(s, ZStackJsonContext.Default.ZStackLoginReply, ct).AsTask()), null, cancellationToken).ConfigureAwait(false);
        var uuid = reply?.Inventory?.Uuid;
        if (string.IsNullOrEmpty(uuid))
        {
            throw new ApiException(ApiErrorKind.InvalidResponse, Provider, request.Operation, HttpStatusCode.OK, null, "the login reply carries no session (inventory.uuid)", null);
        }
        var old = _session;
        _session = Connections.SensitiveString.FromPlainText(uuid!);
        old?.Dispose();
        SessionExpiresAt = Text.Timestamps.ParseZStack(reply!.Inventory!.ExpiredDate, _serverZone);
    }

    /// <summary>Logs the session out (the session id travels in the path, so no Authorization header is needed).</summary>
    public async Task LogoutAsync(CancellationToken cancellationToken)
    {
        if (_session is not { } session) return;
        var request = session.Use(s => new ApiRequest(HttpMethod.Delete, BaseAddress, "v1/accounts/sessions/" + UriEncoding.Encode(s), "LogOut")
        {
            IsLogin = true,
            SensitivePathSegment = UriEncoding.Encode(s),
        });
        try
        {
            await Pipeline.SendAsync(request, (_, _) => new ValueTask<bool>(true), null, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _session = null;
            session.Dispose();
            SessionExpiresAt = null;
        }
    }

    private static byte[] LoginBody(string key, Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartObject(key);
            write(writer);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }

    public ApiException ReadError(ApiRequest request, HttpResponseMessage response, string body)
    {
        var status = response.StatusCode;
        var requestId = Words.RequestIdOf(response);
        var retryAfter = RetryAfter.Of(response);
        var envelope = TryReadEnvelope(body);
        if (envelope is not null)
        {
            var code = envelope.Code;
            var message = Describe(envelope);
            var (kind, hint, transient) = Classify(code);
            // AccessKey calls have no session: ID.1001 there means the key was refused (spec silent; as the emulator answers).
            if (code == SessionExpiredCode && _credential is ZStackCredential.AccessKey)
            {
                hint = "Check the AccessKey id and secret given to Connect-ZStack (-AccessKeyId, -AccessKeySecret), and that the key is enabled.";
            }
            return new ApiException(kind, Provider, request.Operation, status, code, message, requestId, hint, transient) { RetryAfter = retryAfter };
        }

        var text = body.Trim();
        if (text.Length > 500) text = text.Substring(0, 500) + "…";
        var (plainKind, plainHint, plainTransient) = ClassifyPlain(status, text);
        return new ApiException(plainKind, Provider, request.Operation, status, null, text.Length == 0 ? response.ReasonPhrase : text, requestId, plainHint, plainTransient) { RetryAfter = retryAfter };
    }

    private static ZStackErrorCode? TryReadEnvelope(string body)
    {
        if (body.Length == 0 || body.TrimStart()[0] != '{') return null;
        try
        {
            return JsonSerializer.Deserialize(body, ZStackJsonContext.Default.ZStackErrorEnvelope)?.Error;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Describe(ZStackErrorCode error)
    {
        var text = new StringBuilder(error.Description ?? "");
        if (!string.IsNullOrWhiteSpace(error.Details)) text.Append(text.Length > 0 ? ": " : "").Append(error.Details);
        for (var cause = error.Cause; cause is not null; cause = cause.Cause)
        {
            text.Append(" (caused by ").Append(cause.Code).Append(' ').Append(cause.Details ?? cause.Description).Append(')');
        }
        return text.ToString();
    }

    private static (ApiErrorKind, string?, bool) Classify(string? code) => code switch
    {
        "ID.1000" => (ApiErrorKind.Authentication, "Check the account or user name and the password given to Connect-ZStack.", false),
        "ID.1001" => (ApiErrorKind.Authentication, "The session expired or was logged out: run Connect-ZStack again.", false),
        "ID.1002" => (ApiErrorKind.PermissionDenied, "The account lacks permission for this API.", false),
        "ID.1005" => (ApiErrorKind.Authentication, "The password must be changed in the ZStack UI before the API accepts it.", false),
        "ID.1006" => (ApiErrorKind.Authentication, "Too many sessions for this user: Disconnect-ZStack unused connections.", false),
        "ID.2000" or "ID.2001" or "ID.2002" or "ID.2003" => (ApiErrorKind.Authentication, "The account requires additional authentication (2FA), which the API login does not support: use an AccessKey.", false),
        "SYS.1003" => (ApiErrorKind.NotFound, null, false),
        "SYS.1007" => (ApiErrorKind.InvalidArgument, null, false),
        "SYS.1001" => (ApiErrorKind.Timeout, null, true),
        "SYS.1012" => (ApiErrorKind.ServiceUnavailable, null, true),
        _ => (ApiErrorKind.ServiceError, null, false),
    };

    /// <summary>A plain-text reply: the shared status mapping, with ZStack's own hints.</summary>
    private static (ApiErrorKind, string?, bool) ClassifyPlain(HttpStatusCode status, string text)
    {
        if ((int)status == 403 && text.Contains("requestTimeTooSkewed"))
        {
            return (ApiErrorKind.Authentication, "This machine's clock, or -ServerTimeZone, differs from the management node's by more than 15 minutes.", false);
        }
        var (kind, transient) = HttpStatusClassifier.Classify(status);
        var hint = kind == ApiErrorKind.NotFound ? "Check -Server: the URL must reach the ZStack API (for example http://node:8080/zstack)."
            : (int)status == 414 ? "The query is too long for the server: shorten -Name or -Filter, or use a wildcard."
            : null;
        return (kind, hint, transient);
    }
}
