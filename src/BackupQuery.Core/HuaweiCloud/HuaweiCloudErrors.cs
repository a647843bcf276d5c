using System.Net;
using System.Text.Json;
using BackupQuery.Http;

namespace BackupQuery.HuaweiCloud;

/// <summary>Reads Huawei Cloud error replies (spec §5) into <see cref="ApiException"/>s: three body shapes, or none.</summary>
internal static class HuaweiCloudErrors
{
    /// <summary>A parsed error body. A numeric <c>code</c> (IAM repeats the HTTP status there) is no service code.</summary>
    internal readonly record struct ErrorBody(string? Code, string? Message, string? RequestId);

    /// <summary>
    /// <c>{"error_code","error_msg","request_id"}</c>, <c>{"code","message"}</c>, <c>{"error":{"code","message"}}</c>;
    /// anything else (plain text) becomes the message, shortened; <see cref="Create"/> reads an HTML page's title instead.
    /// </summary>
    public static ErrorBody Parse(string body)
    {
        var text = body.Trim();
        if (text.StartsWith("{", StringComparison.Ordinal))
        {
            try
            {
                using var document = JsonDocument.Parse(text);
                var root = document.RootElement;
                if (root.ValueKind == JsonValueKind.Object)
                {
                    var requestId = StringOf(root, "request_id");
                    var code = StringOf(root, "error_code") ?? StringOf(root, "code");
                    var message = StringOf(root, "error_msg") ?? StringOf(root, "message");
                    if (root.TryGetProperty("error", out var nested) && nested.ValueKind == JsonValueKind.Object)
                    {
                        code ??= StringOf(nested, "code") ?? StringOf(nested, "error_code");
                        message ??= StringOf(nested, "message") ?? StringOf(nested, "error_msg") ?? StringOf(nested, "title");
                        requestId ??= StringOf(nested, "request_id");
                    }
                    if (code is not null || message is not null) return new ErrorBody(code, message, requestId);
                }
            }
            catch (JsonException)
            {
                // Fall through: shown as text.
            }
        }
        if (text.Length > 500) text = text.Substring(0, 500) + "…";
        return new ErrorBody(null, text.Length == 0 ? null : text, null);
    }

    private static string? StringOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()
            : null;

    public static ApiException Create(ApiRequest request, HttpStatusCode status, string? reasonPhrase, string? headerRequestId, TimeSpan? retryAfter,
        string body, bool accessKeyAuth)
    {
        var parsed = Parse(body);
        var page = parsed.Code is null && HtmlErrorPage.IsHtml(body);
        var message = page ? HtmlErrorPage.Summary(body) : parsed.Message ?? reasonPhrase;
        var (kind, hint, transient) = Classify((int)status, parsed.Code, accessKeyAuth, request.IsLogin, message);
        if (page) hint = HtmlErrorPage.Advice(status, request.IsLogin ? "Huawei Cloud IAM" : "Huawei Cloud API", "Check -Endpoint and -Region.");
        return new ApiException(kind, HuaweiCloudProtocol.ProviderName, request.Operation, status, parsed.Code, message,
            headerRequestId ?? parsed.RequestId, hint, transient)
        { RetryAfter = retryAfter };
    }

    /// <summary>What an error is, what to do about it, and whether another attempt may succeed.</summary>
    public static (ApiErrorKind Kind, string? Hint, bool Transient) Classify(int status, string? code, bool accessKeyAuth, bool isLogin, string? message)
    {
        if (isLogin && LooksLikeMfa(message))
        {
            return (ApiErrorKind.Authentication, "This user must pass multi-factor verification to sign in, which a non-interactive password sign-in cannot do: connect with an access key (AK/SK) instead.", false);
        }
        // The gateway's codes say more than the status; otherwise the shared status mapping decides.
        var (kind, transient) = EndsWith(code, ".0301") ? (ApiErrorKind.Authentication, false)
            : EndsWith(code, ".0308") ? (ApiErrorKind.Throttled, true)
            : EndsWith(code, ".0101") ? (ApiErrorKind.NotFound, false)
            : HttpStatusClassifier.Classify((HttpStatusCode)status);
        var hint = kind switch
        {
            ApiErrorKind.Authentication => accessKeyAuth
                ? "Check the access key id, secret access key (and security token of a temporary key), and that this machine's clock is within 15 minutes of the real time. Five failed signatures in a row lock the access key for 5 minutes."
                : "Check the account (domain) name, user name and password; a password or permission change revokes tokens: run Connect-HuaweiCloud again.",
            ApiErrorKind.Throttled => "The API is throttling this account: retried with backoff; reduce parallel queries if it persists.",
            ApiErrorKind.PermissionDenied => "The identity lacks permission for this API in this project: check its IAM policies.",
            ApiErrorKind.NotFound => "Check -Region and -Endpoint: the URL must reach this service's API.",
            ApiErrorKind.InvalidArgument when isLogin => "Check -Region (its project is looked up by that name) and -DomainName, or give -ProjectId.",
            _ => null,
        };
        return (kind, hint, transient);
    }

    private static bool EndsWith(string? code, string suffix) => code?.EndsWith(suffix, StringComparison.Ordinal) == true;

    private static bool LooksLikeMfa(string? message) =>
        message is not null && (message.IndexOf("MFA", StringComparison.OrdinalIgnoreCase) >= 0
            || message.IndexOf("verification code", StringComparison.OrdinalIgnoreCase) >= 0
            || message.IndexOf("multi-factor", StringComparison.OrdinalIgnoreCase) >= 0);
}
