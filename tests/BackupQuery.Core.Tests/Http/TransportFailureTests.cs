using System.Net;
using System.Net.Http;
using System.Security.Authentication;
using BackupQuery.Http;

namespace BackupQuery.Core.Tests.Http;

/// <summary>
/// Requests that got no reply, as each runtime reports them: .NET wraps an AuthenticationException, .NET Framework
/// (Windows PowerShell 5.1) a WebException, inside the HttpRequestException. The probe is a fake that says what the port speaks.
/// </summary>
public class TransportFailureTests
{
    private sealed class FakeProbe(bool tls, bool plainHttp) : ProtocolProbe
    {
        public int Calls { get; private set; }

        public override Task<bool> SpeaksTlsAsync(Uri address, CancellationToken cancellationToken)
        {
            Calls++;
            return Task.FromResult(tls);
        }

        public override Task<bool> SpeaksPlainHttpAsync(Uri address, CancellationToken cancellationToken)
        {
            Calls++;
            return Task.FromResult(plainHttp);
        }
    }

    private static ApiRequest Request(string baseAddress) => new(HttpMethod.Get, new Uri(baseAddress), "v1/database-backups", "QueryDatabaseBackup");

    private static Task<ApiException> Classify(Exception inner, string baseAddress, FakeProbe probe) =>
        TransportFailure.ClassifyAsync(new HttpRequestException("An error occurred while sending the request.", inner), "ZStack", Request(baseAddress), probe, CancellationToken.None);

    public static TheoryData<string, Exception> UntrustedCertificates() => new()
    {
        { ".NET", new AuthenticationException("The remote certificate is invalid because of errors in the certificate chain: UntrustedRoot") },
        { ".NET Framework TrustFailure", new WebException("Could not establish trust relationship for the SSL/TLS secure channel.", WebExceptionStatus.TrustFailure) },
    };

    [Theory]
    [MemberData(nameof(UntrustedCertificates))]
    public async Task AnUntrustedCertificateIsASecurityErrorInEitherShape(string runtime, Exception inner)
    {
        var probe = new FakeProbe(tls: true, plainHttp: false);
        var error = await Classify(inner, "https://zstack.example.com:8443/zstack/", probe);
        Assert.True(error.Kind == ApiErrorKind.Security, runtime);
        Assert.False(error.IsTransient);
        Assert.Contains("is not trusted", error.Message);
        Assert.Contains("-SkipCertificateCheck", error.Message);
        Assert.Equal(0, probe.Calls);
    }

    [Fact]
    public async Task AFrameworkSecureChannelFailureIsASecurityErrorWhenThePortSpeaksNoPlainHttp()
    {
        var probe = new FakeProbe(tls: true, plainHttp: false);
        var error = await Classify(new WebException("Could not create SSL/TLS secure channel.", WebExceptionStatus.SecureChannelFailure), "https://zstack.example.com:8443/zstack/", probe);
        Assert.Equal(ApiErrorKind.Security, error.Kind);
        Assert.False(error.IsTransient);
        Assert.Contains("TLS handshake", error.Message);
        Assert.Contains("-SkipCertificateCheck", error.Message);
    }

    public static TheoryData<Exception> HandshakeFailures() =>
    [
        new AuthenticationException("Cannot determine the frame size or a corrupted frame was received."),
        new WebException("Could not create SSL/TLS secure channel.", WebExceptionStatus.SecureChannelFailure),
    ];

    [Theory]
    [MemberData(nameof(HandshakeFailures))]
    public async Task TlsToAPlainHttpPortSaysTryHttp(Exception inner)
    {
        var error = await Classify(inner, "https://127.0.0.1:5080/zstack/", new FakeProbe(tls: false, plainHttp: true));
        Assert.Equal(ApiErrorKind.Connection, error.Kind);
        Assert.False(error.IsTransient);
        Assert.Contains("did not speak TLS", error.Message);
        Assert.Contains("http://127.0.0.1:5080/zstack/", error.Message);
        Assert.DoesNotContain("SkipCertificateCheck", error.Message);
    }

    [Fact]
    public async Task PlainHttpToATlsPortSaysTheServerExpectsHttps()
    {
        var error = await Classify(new IOException("The response ended prematurely."), "http://127.0.0.1:5443/zstack/", new FakeProbe(tls: true, plainHttp: false));
        Assert.Equal(ApiErrorKind.Connection, error.Kind);
        Assert.False(error.IsTransient);
        Assert.Contains("expects https", error.Message);
        Assert.Contains("https://127.0.0.1:5443/zstack/", error.Message);
    }

    [Fact]
    public async Task AResetIsATransientConnectionErrorWithoutAProbe()
    {
        var probe = new FakeProbe(tls: true, plainHttp: true);
        var error = await Classify(new IOException("Unable to read data from the transport connection.", new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionReset)),
            "http://127.0.0.1:5080/zstack/", probe);
        Assert.Equal(ApiErrorKind.Connection, error.Kind);
        Assert.True(error.IsTransient);
        Assert.Contains("could not reach", error.Message);
        Assert.Equal(0, probe.Calls);
    }
}
