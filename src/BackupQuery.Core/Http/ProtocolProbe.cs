using System.Net.Security;
using System.Net.Sockets;
using System.Text;

namespace BackupQuery.Http;

/// <summary>
/// Asks a server's port, once, which protocol it speaks, after a call failed in a way that suggests the wrong scheme:
/// an http:// request the server dropped (does it speak TLS?), or an https:// handshake that failed (does it answer
/// plain HTTP?). Each probe connects directly, sends no credential and no request to the API, and gives up after two seconds.
/// </summary>
internal class ProtocolProbe
{
    public static readonly ProtocolProbe Default = new();

    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(2);

    /// <summary>Whether the port completes a TLS handshake. The certificate is not judged: nothing is sent over it.</summary>
    public virtual Task<bool> SpeaksTlsAsync(Uri address, CancellationToken cancellationToken) =>
        WithinBudgetAsync(address, async stream =>
        {
            using var tls = new SslStream(stream, leaveInnerStreamOpen: true, (_, _, _, _) => true);
            await tls.AuthenticateAsClientAsync(address.Host).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    /// <summary>Whether the port answers a plain HTTP request with an HTTP status line.</summary>
    public virtual Task<bool> SpeaksPlainHttpAsync(Uri address, CancellationToken cancellationToken) =>
        WithinBudgetAsync(address, async stream =>
        {
            var request = Encoding.ASCII.GetBytes($"HEAD / HTTP/1.0\r\nHost: {address.Authority}\r\n\r\n");
            await stream.WriteAsync(request, 0, request.Length, cancellationToken).ConfigureAwait(false);
            var buffer = new byte[5];
            var read = 0;
            while (read < buffer.Length)
            {
                var n = await stream.ReadAsync(buffer, read, buffer.Length - read, cancellationToken).ConfigureAwait(false);
                if (n == 0) break;
                read += n;
            }
            return Encoding.ASCII.GetString(buffer, 0, read) == "HTTP/";
        }, cancellationToken);

    private static async Task<bool> WithinBudgetAsync(Uri address, Func<NetworkStream, Task<bool>> probe, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        try
        {
            var attempt = Task.Run(async () =>
            {
                await client.ConnectAsync(address.Host, address.Port).ConfigureAwait(false);
                return await probe(client.GetStream()).ConfigureAwait(false);
            }, cancellationToken);
            var finished = await Task.WhenAny(attempt, Task.Delay(Budget, cancellationToken)).ConfigureAwait(false);
            return finished == attempt && await attempt.ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or SocketException or System.Security.Authentication.AuthenticationException or OperationCanceledException or ObjectDisposedException)
        {
            return false;
        }
    }
}
