using System.Net;
using System.Net.Http;
using System.Security.Authentication;

namespace BackupQuery.Http;

/// <summary>
/// What a request that got no reply at all (HttpClient threw) means, as the <see cref="ApiException"/> to report: an
/// untrusted certificate, TLS spoken to a plain-HTTP port or plain HTTP to a TLS port, or a connection that failed.
/// Both runtimes' shapes are read: .NET wraps an AuthenticationException, .NET Framework a WebException
/// (TrustFailure, SecureChannelFailure) inside the HttpRequestException.
/// </summary>
internal static class TransportFailure
{
    public static async Task<ApiException> ClassifyAsync(HttpRequestException error, string provider, ApiRequest request,
        ProtocolProbe probe, CancellationToken cancellationToken)
    {
        var address = request.BaseAddress;
        var authority = address.GetLeftPart(UriPartial.Authority);
        if (IsUntrustedCertificate(error))
        {
            // Not transient: a certificate does not become trusted by asking again.
            return new ApiException(ApiErrorKind.Security, provider, request.Operation, null, null,
                $"the TLS certificate of {authority} is not trusted: {Innermost(error).Message}", null,
                "Trust the server's certificate (or its CA) on this machine; for a lab endpoint with a self-signed certificate, connect with -SkipCertificateCheck.",
                isTransient: false, inner: error);
        }
        if (IsTlsHandshakeFailure(error))
        {
            if (await probe.SpeaksPlainHttpAsync(address, cancellationToken).ConfigureAwait(false))
            {
                return new ApiException(ApiErrorKind.Connection, provider, request.Operation, null, null,
                    $"the server at {authority} did not speak TLS: it answers plain HTTP", null,
                    $"Try http://{address.Authority}{address.AbsolutePath} (there is no certificate to trust or to skip checking).",
                    isTransient: false, inner: error);
            }
            return new ApiException(ApiErrorKind.Security, provider, request.Operation, null, null,
                $"the TLS handshake with {authority} failed: {Innermost(error).Message}", null,
                "The server's certificate may not be trusted here (trust it or its CA; for a lab endpoint, connect with -SkipCertificateCheck), or it offers no TLS version this machine accepts.",
                isTransient: false, inner: error);
        }
        if (address.Scheme == Uri.UriSchemeHttp && IsDroppedWithoutReply(error) && await probe.SpeaksTlsAsync(address, cancellationToken).ConfigureAwait(false))
        {
            return new ApiException(ApiErrorKind.Connection, provider, request.Operation, null, null,
                $"the server at {authority} expects https: it closed the plain-HTTP request and speaks TLS on this port", null,
                $"Connect with https://{address.Authority}{address.AbsolutePath}.", isTransient: false, inner: error);
        }
        return new ApiException(ApiErrorKind.Connection, provider, request.Operation, null, null,
            $"could not reach {authority}: {error.Message}", null,
            "Check the address, the network, and the proxy (-Proxy, -NoProxy).", isTransient: true, inner: error);
    }

    /// <summary>The certificate was judged and refused (.NET: an AuthenticationException about the certificate; .NET Framework: TrustFailure).</summary>
    internal static bool IsUntrustedCertificate(HttpRequestException error) =>
        Chain(error).Any(e => e is AuthenticationException && e.Message.IndexOf("certificate", StringComparison.OrdinalIgnoreCase) >= 0
            || e is WebException { Status: WebExceptionStatus.TrustFailure });

    /// <summary>The TLS handshake failed for another reason, or (.NET Framework) a secure channel could not be made at all.</summary>
    internal static bool IsTlsHandshakeFailure(HttpRequestException error) =>
        Chain(error).Any(e => e is AuthenticationException || e is WebException { Status: WebExceptionStatus.SecureChannelFailure });

    /// <summary>The server accepted the connection and closed it without an answer (not a reset: those are retried without a probe).</summary>
    private static bool IsDroppedWithoutReply(HttpRequestException error) =>
        !Chain(error).Any(e => e is System.Net.Sockets.SocketException)
        && Chain(error).Any(e => e is IOException || e is WebException { Status: WebExceptionStatus.ConnectionClosed or WebExceptionStatus.ReceiveFailure });

    private static IEnumerable<Exception> Chain(Exception error)
    {
        for (var e = error.InnerException; e is not null; e = e.InnerException) yield return e;
    }

    private static Exception Innermost(Exception error) => Chain(error).LastOrDefault() ?? error;
}
