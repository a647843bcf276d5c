using System.Net;

namespace BackupQuery.Http;

/// <summary>
/// What a bare HTTP status means when the reply carries no service code that says more: the one mapping every provider
/// falls back to, so retry decisions (429 and gateway errors only) are the same everywhere.
/// </summary>
internal static class HttpStatusClassifier
{
    public static (ApiErrorKind Kind, bool Transient) Classify(HttpStatusCode status) => (int)status switch
    {
        // 414 and 431: the request line or headers are too long for the server (a very long filter value).
        400 or 405 or 414 or 431 => (ApiErrorKind.InvalidArgument, false),
        401 => (ApiErrorKind.Authentication, false),
        403 => (ApiErrorKind.PermissionDenied, false),
        404 => (ApiErrorKind.NotFound, false),
        429 => (ApiErrorKind.Throttled, true),
        502 or 503 or 504 => (ApiErrorKind.ServiceUnavailable, true),
        _ => (ApiErrorKind.ServiceError, false),
    };
}
