using System.Net;
using System.Net.Sockets;
using System.Text;

namespace BackupQuery.PowerShell.Tests.Support;

/// <summary>
/// A web server that is no API: on 127.0.0.1, port 0, it answers every request with one status and an HTML page, as a
/// default site or a proxy's error page would.
/// </summary>
internal sealed class PlainWebServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();

    public PlainWebServer(int status, string reason, string html)
    {
        _listener.Start();
        _ = Task.Run(() => ServeAsync(status, reason, html));
    }

    public string Url => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    private async Task ServeAsync(int status, string reason, string html)
    {
        var body = Encoding.UTF8.GetBytes(html);
        var head = Encoding.ASCII.GetBytes($"HTTP/1.1 {status} {reason}\r\nContent-Type: text/html\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n");
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            using (client)
            {
                try
                {
                    var stream = client.GetStream();
                    // Read the request head (to its blank line), then answer; a request body, if any, is left unread.
                    var seen = new StringBuilder();
                    var buffer = new byte[4096];
                    while (!seen.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                    {
                        var read = await stream.ReadAsync(buffer, _stop.Token);
                        if (read == 0) break;
                        seen.Append(Encoding.ASCII.GetString(buffer, 0, read));
                    }
                    await stream.WriteAsync(head, _stop.Token);
                    await stream.WriteAsync(body, _stop.Token);
                }
                catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
                {
                    // A client that went away.
                }
            }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }
}
