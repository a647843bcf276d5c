using System.Management.Automation;
using BackupQuery.Emulator.Hosting;
using BackupQuery.PowerShell.Tests.Support;

namespace BackupQuery.PowerShell.Tests;

/// <summary>Errors that point the right way: a web server that is no API, TLS on the wrong side, an HTML page mid-listing.</summary>
public sealed class DiagnosisTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    // What a default site answers to a method it does not implement: 14 lines of HTML.
    private const string DefaultSitePage = """
        <!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN"
                "http://www.w3.org/TR/html4/strict.dtd">
        <html>
            <head>
                <meta http-equiv="Content-Type" content="text/html;charset=utf-8">
                <title>Error response</title>
            </head>
            <body>
                <h1>Error response</h1>
                <p>Error code: 501</p>
                <p>Message: Unsupported method ('PUT').</p>
                <p>Error code explanation: HTTPStatus.NOT_IMPLEMENTED - Server does not support this operation.</p>
            </body>
        </html>
        """;

    private static ErrorRecord OnlyError(PowerShellResult result) => Assert.Single(result.Errors.Concat(result.Terminating is { } t ? [t] : []));

    private static PowerShellResult ConnectZStack(PowerShellSession ps, string server, EmulatorOptions options) =>
        ps.Run("Connect-ZStack -Server $args[0] -Credential ([pscredential]::new($args[1], (ConvertTo-SecureString $args[2] -AsPlainText -Force))) -MaximumRetryCount 0",
            server, options.ZStackAccountName, options.ZStackPassword);

    /// <summary>The default site's page, as its status and title only, and what it means.</summary>
    private static void AssertStatusAndTitleOnly(string message, string endpoint)
    {
        Assert.Contains("HTTP 501", message);
        Assert.Contains("Error response", message);
        Assert.Contains($"does not look like a {endpoint} endpoint", message);
        Assert.DoesNotContain("<", message);
        Assert.DoesNotContain("Error code explanation", message);
    }

    [Fact]
    public void AWebServerThatIsNoZStackShowsItsStatusAndTitleOnly()
    {
        using var web = new PlainWebServer(501, "Unsupported method ('PUT')", DefaultSitePage);
        using var ps = PowerShellSession.Start();
        var error = OnlyError(ConnectZStack(ps, web.Url + "/zstack", emulator.Options));

        AssertStatusAndTitleOnly(error.ToString(), "ZStack API");
        Assert.Equal("ZStack.HTTP501", error.FullyQualifiedErrorId.Split(',')[0]);
    }

    [Fact]
    public void AWebServerThatIsNoIamShowsItsStatusAndTitleOnly()
    {
        using var web = new PlainWebServer(501, "Unsupported method ('POST')", DefaultSitePage);
        using var ps = PowerShellSession.Start();
        var o = emulator.Options;
        var error = OnlyError(ps.Run("""
            $c = [pscredential]::new($args[1], (ConvertTo-SecureString $args[2] -AsPlainText -Force))
            Connect-HuaweiCloud -Region cn-north-4 -DomainName $args[3] -Credential $c -Endpoint @{ iam = $args[0] + '/iam' } -MaximumRetryCount 0
            """, web.Url, o.HuaweiUserName, o.HuaweiPassword, o.HuaweiDomainName));

        AssertStatusAndTitleOnly(error.ToString(), "Huawei Cloud IAM");
    }

    [Fact]
    public void HttpsToAnHttpPortSaysTheServerDidNotSpeakTls()
    {
        using var ps = PowerShellSession.Start();
        var https = new UriBuilder(emulator.Server.ZStackUrl) { Scheme = "https" }.Uri.ToString();
        var error = OnlyError(ConnectZStack(ps, https, emulator.Options));

        var message = error.ToString();
        Assert.Contains("did not speak TLS", message);
        Assert.Contains("http://", message);
        Assert.DoesNotContain("-SkipCertificateCheck", message);
        Assert.Equal(ErrorCategory.ConnectionError, error.CategoryInfo.Category);
    }

    [Fact]
    public async Task HttpToATlsPortSaysTheServerExpectsHttps()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { ZStackCount = 3, Certificate = SelfSignedCertificate.ForLoopback() }, "https://127.0.0.1:0");
        using var ps = PowerShellSession.Start();
        var http = new UriBuilder(server.ZStackUrl) { Scheme = "http" }.Uri.ToString();
        var error = OnlyError(ConnectZStack(ps, http, server.Options));

        var message = error.ToString();
        Assert.Contains("expects https", message);
        Assert.Contains("https://", message);
        Assert.Equal(ErrorCategory.ConnectionError, error.CategoryInfo.Category);
    }

    [Fact]
    public void AnHtmlPageMidListingShowsStatusTitleRequestIdAndAdvice()
    {
        using var ps = emulator.ConnectedSession();
        emulator.Server.Faults.Add(new FaultRule("/zstack/v1/database-backups", FaultKind.Status, Times: 100) { AfterRequests = 1, StatusCode = 500 });
        try
        {
            var result = ps.Run("Get-ZStackDatabaseBackup -PageSize 100 -First 300");
            Assert.Equal(100, result.Output.Count);
            var error = OnlyError(result);
            var message = error.ToString();
            var jobs = emulator.Server.Requests.ForPath("/zstack/v1/database-backups").Where(e => e.Status == 500).Select(e => e.Headers["X-Job-UUID"]).ToList();
            Assert.Contains("HTTP 500", message);
            Assert.Contains("500 Internal Server Error", message);
            // The request id of a call that got the page (the job id this client sent: ZStack replies carry none).
            var requestId = System.Text.RegularExpressions.Regex.Match(message, "request id (?<id>[0-9a-f]{32})").Groups["id"].Value;
            Assert.Contains(requestId, jobs);
            Assert.Contains("an error page", message);
            Assert.DoesNotContain("<", message);
        }
        finally
        {
            emulator.Server.Faults.Clear();
        }
    }
}
