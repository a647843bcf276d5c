using System.Net;
using System.Net.Http;
using System.Text.Json;
using BackupQuery.Connections;
using BackupQuery.Http;
using BackupQuery.Text;

namespace BackupQuery.HuaweiCloud;

/// <summary>
/// Huawei Cloud's side of the pipeline: an IAM token (<c>X-Auth-Token</c>, renewed before it lapses and once after a
/// 401) or an AK/SK signature on every call (never renewed or retried: five failed signatures lock the key), and the
/// error replies of spec §5.
/// </summary>
internal sealed class HuaweiCloudProtocol : IApiProtocol
{
    private readonly HuaweiCloudCredential _credential;
    private readonly HuaweiCloudEndpoints _endpoints;
    private readonly string? _scopeProjectId;

    /// <summary>
    /// <paramref name="pipeline"/> builds the one pipeline for this protocol (sign-ins go through it too). A token is
    /// scoped to <paramref name="projectId"/> when given, else to the project named like the region.
    /// </summary>
    public HuaweiCloudProtocol(HuaweiCloudCredential credential, HuaweiCloudEndpoints endpoints, string? projectId, Func<IApiProtocol, ApiPipeline> pipeline)
    {
        _credential = credential;
        _endpoints = endpoints;
        _scopeProjectId = projectId;
        _signIn = new SingleFlightSignIn(SignInCoreAsync);
        Pipeline = pipeline(this);
    }

    public const string ProviderName = "HuaweiCloud";

    /// <summary>A token this close to its expiry is replaced before use (a listing may outlast it).</summary>
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private readonly SingleFlightSignIn _signIn;
    private SensitiveString? _token;

    public string Provider => ProviderName;

    /// <summary>Request ids: API Gateway's, IAM's, then OpenStack's (VBS); credentials: the token headers of spec §3-§4.</summary>
    public static readonly ProtocolVocabulary Words = new(
        ["X-Request-Id", "X-IAM-Trace-Id", "X-Openstack-Request-Id"],
        ["X-Auth-Token", "X-Subject-Token", "X-Security-Token"],
        ["access_key", "secret_key", "securitytoken", "sk"]);

    public ProtocolVocabulary Vocabulary => Words;

    public ApiPipeline Pipeline { get; }

    /// <summary>The project the last token was scoped to, as IAM reported it.</summary>
    public string? TokenProjectId { get; private set; }

    public DateTimeOffset? TokenExpiresAt { get; private set; }

    public bool HasToken => _token is not null;

    /// <summary>Sign-ins so far (the first one included).</summary>
    public int SignInCount => _signIn.Count;

    /// <summary>The clock used for signatures and token expiry.</summary>
    public Func<DateTimeOffset> Clock { get; } = () => DateTimeOffset.UtcNow;

    private bool IsAccessKey => _credential is HuaweiCloudCredential.AccessKey;

    public async ValueTask<int> AuthenticateAsync(HttpRequestMessage message, ApiRequest request, CancellationToken cancellationToken)
    {
        if (_credential is HuaweiCloudCredential.AccessKey key)
        {
            Sign(message, request, key);
            return 0;
        }
        var generation = _signIn.Generation;
        if (_token is null || TokenExpiresAt is { } expires && Clock() >= expires - RefreshMargin)
        {
            await _signIn.RenewAsync(generation, cancellationToken).ConfigureAwait(false);
            generation = _signIn.Generation;
        }
        var token = _token ?? throw new ApiException(ApiErrorKind.Authentication, Provider, request.Operation, null, null, "the connection holds no token", null);
        message.Headers.TryAddWithoutValidation("X-Auth-Token", token.Use(t => t));
        return generation;
    }

    private void Sign(HttpRequestMessage message, ApiRequest request, HuaweiCloudCredential.AccessKey key)
    {
        // Sign exactly what is sent: the Host header is set to the value signed.
        var host = request.BaseAddress.Authority;
        message.Headers.Host = host;
        var headers = new List<KeyValuePair<string, string>>
        {
            new("Host", host),
            new(SdkHmacSha256Signer.DateHeader, SdkHmacSha256Signer.FormatDate(Clock())),
        };
        if (key.SecurityToken is { } token) headers.Add(new("X-Security-Token", token.Use(t => t)));
        foreach (var header in headers.Skip(1)) message.Headers.TryAddWithoutValidation(header.Key, header.Value);
        // The request's own headers (a project's calls carry X-Project-Id) are on the message already: sign them too.
        headers.AddRange(request.Headers);

        var authorization = key.SecretAccessKey.Use(sk => SdkHmacSha256Signer.Sign(key.AccessKeyId, sk, request.Method.Method,
            request.AbsolutePath, request.Query, headers, request.Body));
        message.Headers.TryAddWithoutValidation("Authorization", authorization);
    }

    public ApiException ReadError(ApiRequest request, HttpResponseMessage response, string body) =>
        HuaweiCloudErrors.Create(request, response.StatusCode, response.ReasonPhrase, Words.RequestIdOf(response), RetryAfter.Of(response), body, IsAccessKey);

    /// <summary>A token rejected with 401 (APIGW.0301): sign in again, once. Never for AK/SK.</summary>
    public bool IsCredentialExpired(ApiException error) =>
        !IsAccessKey && _token is not null && error.StatusCode == HttpStatusCode.Unauthorized
        && (error.ServiceCode is null || error.ServiceCode.EndsWith(".0301", StringComparison.Ordinal));

    public async ValueTask<bool> TryRenewCredentialAsync(int expired, CancellationToken cancellationToken)
    {
        if (IsAccessKey) return false;
        await _signIn.RenewAsync(expired, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Gets a token (password credentials only), scoped to the project by id when given, else by the region's name.</summary>
    public Task SignInAsync(CancellationToken cancellationToken) => IsAccessKey ? Task.CompletedTask : _signIn.RenewAsync(null, cancellationToken);

    private async Task SignInCoreAsync(CancellationToken cancellationToken)
    {
        var password = (HuaweiCloudCredential.Password)_credential;
        var body = password.Secret.Use(secret => JsonSerializer.SerializeToUtf8Bytes(new IamTokenRequest
        {
            Auth = new IamAuth
            {
                Identity = new IamIdentity
                {
                    Password = new IamPasswordMethod
                    {
                        User = new IamPasswordUser { Domain = new IamNamed { Name = password.DomainName }, Name = password.UserName, Password = secret },
                    },
                },
                Scope = new IamScope { Project = _scopeProjectId is not null ? new IamNamed { Id = _scopeProjectId } : new IamNamed { Name = _endpoints.Region } },
            },
        }, HuaweiCloudJsonContext.Default.IamTokenRequest));

        var request = new ApiRequest(HttpMethod.Post, _endpoints[HuaweiCloudService.Iam], "v3/auth/tokens", "KeystoneCreateUserTokenByPassword")
        {
            Body = body,
            ContentType = "application/json;charset=utf8",
            IsLogin = true,
        }.AddQuery("nocatalog", true);

        string? token;
        IamTokenReply? reply;
        try
        {
            (token, reply) = await Pipeline.SendAsync(request, async (response, stream, ct) =>
            {
                var subject = response.Headers.TryGetValues("X-Subject-Token", out var values) ? values.FirstOrDefault() : null;
                var parsed = await JsonSerializer.DeserializeAsync(stream, HuaweiCloudJsonContext.Default.IamTokenReply, ct).ConfigureAwait(false);
                return (subject, parsed);
            }, null, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Array.Clear(body, 0, body.Length); // The password's bytes do not outlive the call.
        }

        if (string.IsNullOrEmpty(token))
        {
            throw new ApiException(ApiErrorKind.InvalidResponse, Provider, request.Operation, HttpStatusCode.Created, null,
                "the sign-in reply carries no X-Subject-Token header", null);
        }
        var old = _token;
        _token = SensitiveString.FromPlainText(token!);
        old?.Dispose();
        // Without a stated expiry, assume IAM's documented 24 h.
        TokenExpiresAt = Timestamps.ParseHuawei(reply?.Token?.ExpiresAt) ?? Clock().AddHours(24);
        TokenProjectId = reply?.Token?.Project?.Id;
    }

    /// <summary>Drops the token (Disconnect): the next call would have to sign in again.</summary>
    public void ForgetToken()
    {
        var old = _token;
        _token = null;
        TokenExpiresAt = null;
        old?.Dispose();
    }
}
