using System.Net;

namespace BackupQuery.Http;

/// <summary>What kind of failure an error is; the cmdlet layer maps it to an ErrorCategory.</summary>
public enum ApiErrorKind
{
    Authentication,
    PermissionDenied,
    NotFound,
    InvalidArgument,
    Throttled,
    ServiceUnavailable,
    Timeout,
    Connection,
    InvalidResponse,
    ServiceError,
    /// <summary>The server's TLS certificate was not trusted.</summary>
    Security,
}

/// <summary>Base of every failure Core reports; its message never holds a secret.</summary>
public class BackupQueryException : Exception
{
    internal BackupQueryException(string message, ApiErrorKind kind, Exception? inner = null) : base(message, inner) => Kind = kind;

    public ApiErrorKind Kind { get; }

    /// <summary>A stable id for the ErrorRecord (e.g. <c>ZStack.ID.1000</c>, <c>HuaweiCloud.APIGW.0301</c>).</summary>
    public virtual string ErrorId => "BackupQuery." + Kind;
}

/// <summary>A provider answered with an error: HTTP status, the service's code and message, and the request id.</summary>
public sealed class ApiException : BackupQueryException
{
    internal ApiException(ApiErrorKind kind, string provider, string operation, HttpStatusCode? statusCode, string? serviceCode,
        string? serviceMessage, string? requestId, string? hint = null, bool isTransient = false, Exception? inner = null)
        : base(Compose(provider, operation, statusCode, serviceCode, serviceMessage, requestId, hint), kind, inner)
    {
        Provider = provider;
        Operation = operation;
        StatusCode = statusCode;
        ServiceCode = serviceCode;
        ServiceMessage = serviceMessage;
        RequestId = requestId;
        Hint = hint;
        IsTransient = isTransient;
    }

    public string Provider { get; }
    public string Operation { get; }
    public HttpStatusCode? StatusCode { get; }
    public string? ServiceCode { get; }
    public string? ServiceMessage { get; }
    public string? RequestId { get; }

    /// <summary>What to do next, as the message ends with it.</summary>
    public string? Hint { get; }

    /// <summary>Worth another attempt (throttling, gateway errors, resets): the pipeline's retry loop reads it.</summary>
    public bool IsTransient { get; }

    /// <summary>Seconds the server asked to wait (Retry-After), if it said.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>The same error, no longer worth retrying, with <paramref name="note"/> before its hint (how long it was tried).</summary>
    internal ApiException WithNote(string note) => new(Kind, Provider, Operation, StatusCode, ServiceCode, ServiceMessage, RequestId,
        string.IsNullOrWhiteSpace(Hint) ? note : note + " " + Hint, isTransient: false, inner: this)
    { RetryAfter = RetryAfter };

    public override string ErrorId => Provider + "." + (ServiceCode ?? (StatusCode is null ? Kind.ToString() : "HTTP" + (int)StatusCode));

    private static string Compose(string provider, string operation, HttpStatusCode? status, string? code, string? message, string? requestId, string? hint)
    {
        var parts = new List<string>();
        if (status is not null) parts.Add($"HTTP {(int)status.Value}");
        if (!string.IsNullOrEmpty(code)) parts.Add(code!);
        if (!string.IsNullOrEmpty(requestId)) parts.Add("request id " + requestId);
        var text = $"{provider} {operation} failed" + (parts.Count > 0 ? $" ({string.Join(", ", parts)})" : "");
        if (!string.IsNullOrWhiteSpace(message)) text += ": " + message!.Trim();
        if (!string.IsNullOrWhiteSpace(hint)) text += (text.EndsWith(".", StringComparison.Ordinal) ? " " : ". ") + hint;
        return text;
    }
}
