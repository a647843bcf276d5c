using System.Management.Automation;
using BackupQuery.Emulator.Hosting;
using BackupQuery.PowerShell.Tests.Support;

namespace BackupQuery.PowerShell.Tests;

/// <summary>
/// Connections from Connect to Disconnect as a user meets them: regions made from one credential, credentials inside
/// URLs, the tables at 80 columns, Tab on -Name, connections carried into jobs, a Disconnect with the server down, and
/// credentials that are wrong or missing.
/// </summary>
public sealed class ConnectionLifecycleTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private const string Secret = "S3cr3t-in-the-url";

    private string AccessKey => $"-AccessKeyId {emulator.Options.HuaweiAccessKeyId} -SecretAccessKey (ConvertTo-SecureString '{emulator.Options.HuaweiSecretAccessKey}' -AsPlainText -Force)";

    private string[] FirstCbrIds(int count) => emulator.Server.HuaweiCloud.Cbr.Backups.Take(count).Select(b => b.Id).ToArray();

    [Fact]
    public void DisconnectingOneRegionLeavesTheOtherRegionsOfTheCredentialWorking()
    {
        using var ps = emulator.ConnectedSession();
        // The issue's steps: two regions from one access key, the first disconnected, the remaining one used.
        ps.Run($"Connect-HuaweiCloud -Region cn-north-4, cn-east-3 {AccessKey} -Endpoint $hwEndpoints -Name tenant -ErrorAction Stop | Out-Null").Succeeded();
        ps.Run("Disconnect-HuaweiCloud -Connection (Get-HuaweiCloudConnection -Name tenant*)[0]").Succeeded();
        Assert.Equal(["tenant:cn-east-3"], ps.Run("(Get-HuaweiCloudConnection -Name tenant*).Name").Succeeded().Objects);
        emulator.Server.Requests.Clear();
        ps.Run("Get-CbrBackup -Connection (Get-HuaweiCloudConnection -Name tenant*)[0] -First 3").Succeeded();
        var east = emulator.Options.Projects.Single(p => p.Name == "cn-east-3").Id;
        Assert.Equal([200], emulator.Server.Requests.ForPath("/cbr/").Select(r => r.Status));
        Assert.Contains($"/cbr/v3/{east}/backups", emulator.Server.Requests.ForPath("/cbr/").Single().Path);

        // The other way round: the region that holds the data is the one left.
        ps.Run($"Connect-HuaweiCloud -Region cn-east-3, cn-north-4 {AccessKey} -Endpoint $hwEndpoints -Name again -ErrorAction Stop | Out-Null").Succeeded();
        ps.Run("Disconnect-HuaweiCloud -Connection again:cn-east-3").Succeeded();
        Assert.Equal(FirstCbrIds(3), ps.Run("Get-CbrBackup -Connection again:cn-north-4 -First 3 | ForEach-Object Id").Succeeded().Objects);
    }

    [Fact]
    public void ARegionThatFailsToConnectLeavesTheRegionsThatConnectedWorking()
    {
        using var ps = emulator.ConnectedSession();
        // xx-none-1 has no project in IAM: that region fails, cn-north-4 connects.
        var connect = ps.Run($"Connect-HuaweiCloud -Region cn-north-4, xx-none-1 {AccessKey} -Endpoint $hwEndpoints -Name split 3>$null | ForEach-Object Name");
        Assert.Equal(["split:cn-north-4"], connect.Objects);
        Assert.Contains("xx-none-1", Assert.Single(connect.Errors).ToString());
        Assert.Equal(FirstCbrIds(3), ps.Run("Get-CbrBackup -Connection split:cn-north-4 -First 3 | ForEach-Object Id").Succeeded().Objects);
    }

    [Fact]
    public void CredentialsInsideEndpointUrlsAreDroppedWithAWarningAndNeverShown()
    {
        using var ps = emulator.ConnectedSession();
        var withUserInfo = string.Join("; ", EmulatorServer.HuaweiServices.Select(s => $"'{s}' = '{emulator.Url.Replace("http://", $"http://user:{Secret}@")}/{s}'"));
        var connect = ps.Run($"$leaky = Connect-HuaweiCloud -Region cn-north-4 {AccessKey} -Endpoint @{{ {withUserInfo} }} -Name leaky -ErrorAction Stop; $leaky.Endpoints.cbr").Succeeded();
        Assert.Equal([emulator.Url + "/cbr/"], connect.Objects);
        Assert.Contains("user name or password", Assert.Single(connect.Warnings));
        Assert.DoesNotContain(Secret, string.Join("\n", connect.Warnings));
        var shown = ps.Run("""
            ($leaky | Format-List * | Out-String -Width 200)
            ($leaky | ConvertTo-Json -Depth 4)
            "$leaky"
            (Get-HuaweiCloudConnection -Name leaky | Out-String -Width 200)
            """).Succeeded().Text;
        Assert.Contains(emulator.Url + "/iam/", shown);
        Assert.DoesNotContain(Secret, shown);
        Assert.DoesNotContain("user:", shown);
        // The connection works without them.
        Assert.Equal(FirstCbrIds(2), ps.Run("Get-CbrBackup -Connection $leaky -First 2 | ForEach-Object Id").Succeeded().Objects);
    }

    [Theory]
    [InlineData("Connect-HuaweiCloud -Region cn-north-4 -DomainName demo-domain -Credential $hwCredential -Endpoint @{ cbr = 'ftp://user:" + Secret + "@127.0.0.1/cbr' }")]
    [InlineData("Connect-ZStack -Server 'ftp://user:" + Secret + "@127.0.0.1:1/zstack' -Credential $zsCredential")]
    public void AnAddressThatIsRefusedIsShownWithoutItsCredentials(string script)
    {
        using var ps = emulator.ConnectedSession();
        var error = ps.Run(script).FirstError;
        Assert.NotNull(error);
        Assert.Equal(ErrorCategory.InvalidArgument, error!.CategoryInfo.Category);
        Assert.Contains("ftp://", error.ToString());
        Assert.DoesNotContain(Secret, error.ToString() + error.TargetObject + error.Exception);
    }

    [Fact]
    public void ZStackDropsCredentialsInsideServerWithAWarning()
    {
        using var ps = emulator.ConnectedSession();
        var connect = ps.Run($"(Connect-ZStack -Server '{emulator.Url.Replace("http://", $"http://user:{Secret}@")}/zstack' -Credential $zsCredential -Name inurl -ErrorAction Stop).Server").Succeeded();
        Assert.Equal([emulator.Url + "/zstack/"], connect.Objects);
        Assert.Contains("user name or password", Assert.Single(connect.Warnings));
    }

    [Theory]
    [InlineData("zstack", 80)]
    [InlineData("zstack", 120)]
    [InlineData("huaweicloud", 80)]
    [InlineData("huaweicloud", 120)]
    public void ConnectionTablesFitTheWidthWithTheExpiryOnOneLine(string provider, int width)
    {
        using var ps = emulator.ConnectedSession();
        // Default names, the longest a user meets: huaweicloud:cn-north-4:demo-domain/demo-user (44 characters).
        var connect = provider == "zstack"
            ? $"Connect-ZStack -Server '{emulator.Url}/zstack' -AccountName {emulator.Options.ZStackAccountName} -Credential ([pscredential]::new('{emulator.Options.ZStackUserName}', (ConvertTo-SecureString '{emulator.Options.ZStackUserPassword}' -AsPlainText -Force))) -ErrorAction Stop"
            : "Connect-HuaweiCloud -Region cn-north-4 -DomainName demo-domain -Credential $hwCredential -Endpoint $hwEndpoints -ErrorAction Stop";
        var command = provider == "zstack" ? "Get-ZStackConnection" : "Get-HuaweiCloudConnection";
        var printed = ps.Run($"$new = {connect}; $new | Out-String -Width {width}").Succeeded().Text;
        var listed = ps.Run($"{command} | Out-String -Width {width}").Succeeded().Text;
        var expiry = ps.Run($"[BackupQuery.PowerShell.Formatting.DisplayText]::Utc($new.{(provider == "zstack" ? "SessionExpiresAt" : "TokenExpiresAt")})").Succeeded().Objects.Single();
        var name = (string)ps.Run("$new.Name").Succeeded().Objects.Single();
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d$", (string)expiry);
        foreach (var table in new[] { printed, listed })
        {
            var lines = table.Split('\n').Select(l => l.TrimEnd('\r', ' ')).Where(l => l.Length > 0).ToList();
            Assert.All(lines, l => Assert.True(l.Length <= width, $"{l.Length} > {width}: '{l}'"));
            Assert.Contains(lines, l => l.Contains("Expires (UTC)"));
            Assert.Contains(lines, l => l.Contains((string)expiry));
            // At 120 the whole name fits on its row; at 80 it may wrap, in its own column.
            if (width == 120) Assert.Contains(lines, l => l.Contains(name) && l.Contains((string)expiry));
        }
    }

    [Theory]
    [InlineData("Get-ZStackConnection -Name ", new[] { "zs", "prod-a" })]
    [InlineData("Get-ZStackConnection -Name pr", new[] { "prod-a" })]
    [InlineData("Get-ZStackConnection ", new[] { "zs", "prod-a" })]
    [InlineData("Get-HuaweiCloudConnection -Name ", new[] { "hw" })]
    public void TabAfterGetConnectionNameCompletesTheConnectionNames(string line, string[] expected)
    {
        using var ps = emulator.ConnectedSession();
        ps.Run(emulator.ConnectZStackScript.Replace("-Name zs", "-Name prod-a")).Succeeded();
        var matches = ps.Run("(TabExpansion2 -inputScript $args[0] -cursorColumn $args[0].Length).CompletionMatches | ForEach-Object CompletionText", line)
            .Succeeded().Objects;
        Assert.Equal(expected, matches);
    }

    [Theory]
    [InlineData("$zs", "Get-ZStackDatabaseBackup -First 1 -Connection", "Connect-ZStack")]
    [InlineData("$hw", "Get-CbrBackup -First 1 -Connection", "Connect-HuaweiCloud")]
    [InlineData("$zs", "Disconnect-ZStack -Connection", "Connect-ZStack")]
    public void AConnectionFromAnotherProcessSaysToConnectInsideIt(string connection, string command, string connect)
    {
        using var ps = emulator.ConnectedSession();
        // What Start-Job, Invoke-Command and Receive-Job hand over: the connection serialized and read back.
        var result = ps.Run($"$copy = [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize({connection})); {command} $copy");
        Assert.Empty(result.Output);
        var error = result.FirstError!;
        Assert.StartsWith("ParameterArgumentTransformationError,", error.FullyQualifiedErrorId);
        Assert.Contains("live in the session (runspace) that made them", error.ToString());
        Assert.Contains($"run {connect} inside the job", error.ToString());
    }

    [Fact]
    public void AConnectionPassedIntoStartJobSaysToConnectInsideTheJob()
    {
        // The hosted engine cannot start jobs: this runs in the dotnet-tool pwsh, as a user would.
        var folder = Directory.CreateTempSubdirectory("bq-conn-job-").FullName;
        try
        {
            var script = Path.Combine(folder, "job.ps1");
            File.WriteAllText(script, """
                param($Module, $Server, $User, $Password)
                $ErrorActionPreference = 'Stop'
                Import-Module $Module
                $credential = [pscredential]::new($User, (ConvertTo-SecureString $Password -AsPlainText -Force))
                $zs = Connect-ZStack -Server $Server -Credential $credential -ServerTimeZone UTC -Name outer
                $job = Start-Job -ArgumentList $Module, $zs -ScriptBlock {
                    param($Module, $Connection)
                    Import-Module $Module
                    try { Get-ZStackDatabaseBackup -Connection $Connection -First 1 | ForEach-Object { 'RECORD=' + $_.Uuid } }
                    catch { 'ERROR=' + $_.FullyQualifiedErrorId + '|' + $_.Exception.Message }
                }
                $job | Wait-Job -Timeout 120 | Receive-Job
                $job | Remove-Job -Force
                """);
            var output = ToolPowerShell.RunFile(script, [ModuleLayout.EnsureBuilt(), emulator.Url + "/zstack", emulator.Options.ZStackAccountName, emulator.Options.ZStackPassword], folder);
            Assert.DoesNotContain("RECORD=", output);
            Assert.Contains("ERROR=ParameterArgumentTransformationError", output);
            Assert.Contains("connections live in the session (runspace) that made them", output);
            Assert.Contains("run Connect-ZStack inside the job", output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task DisconnectWithTheServerDownWarnsAndForgetsTheConnection()
    {
        var options = new EmulatorOptions { ZStackCount = 5, GeminiDbCount = 1, RdsCount = 1, VbsCount = 1, CbrCount = 1 };
        var server = await EmulatorServer.StartAsync(options, "http://127.0.0.1:0");
        using var ps = emulator.ConnectedSession();
        try
        {
            ps.Run($"$down = Connect-ZStack -Server '{server.ZStackUrl}' -Credential $zsCredential -Name down -MaximumRetryCount 0 -ErrorAction Stop").Succeeded();
        }
        finally
        {
            await server.DisposeAsync();
        }
        var result = ps.Run("Disconnect-ZStack -Connection down");
        Assert.Empty(result.Errors);
        Assert.Null(result.Terminating);
        var warning = Assert.Single(result.Warnings);
        Assert.Contains("could not be logged out", warning);
        Assert.Contains("forgotten", warning);
        Assert.Contains("'down'", warning);
        Assert.Equal(["zs"], ps.Run("Get-ZStackConnection | ForEach-Object Name").Succeeded().Objects);
    }

    [Theory]
    [InlineData("Connect-ZStack -Server $zs.Server -Credential $null", "Connect-ZStack")]
    [InlineData("Connect-ZStack -Server $zs.Server -AccountName admin -Credential $null", "Connect-ZStack")]
    [InlineData("Connect-HuaweiCloud -Region cn-north-4 -DomainName demo-domain -Credential $null -Endpoint $hwEndpoints", "Connect-HuaweiCloud")]
    public void ANullCredentialFailsWithAClearErrorAndNoPrompt(string script, string command)
    {
        using var ps = emulator.ConnectedSession();
        ps.Runspace.SessionStateProxy.SetVariable("ErrorActionPreference", "Continue");
        var result = ps.Run(script);
        Assert.Empty(result.Output);
        var error = result.FirstError!;
        Assert.StartsWith("ParameterArgumentTransformationError,", error.FullyQualifiedErrorId);
        Assert.Contains("-Credential is $null", error.ToString());
        Assert.Contains("Get-Credential", error.ToString());
        Assert.DoesNotContain("prompt", error.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains(command, error.InvocationInfo.MyCommand.Name);
    }

    [Fact]
    public void AWrongZStackAccessKeySecretSaysToCheckTheKeyNotThatTheSessionExpired()
    {
        using var ps = emulator.ConnectedSession();
        var error = ps.Run($"Connect-ZStack -Server $zs.Server -AccessKeyId {emulator.Options.ZStackAccessKeyId} -AccessKeySecret (ConvertTo-SecureString 'not-the-secret' -AsPlainText -Force)").FirstError!;
        Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
        Assert.Contains("Check the AccessKey id and secret", error.ToString());
        Assert.DoesNotContain("session expired", error.ToString());
    }

    [Fact]
    public void AWrongSecretKeyWithAProjectIdFailsWhileConnectingUnlessTheCheckIsSkipped()
    {
        using var ps = emulator.ConnectedSession();
        const string wrong = "-SecretAccessKey (ConvertTo-SecureString 'not-the-secret' -AsPlainText -Force)";
        var result = ps.Run($"Connect-HuaweiCloud -Region cn-north-4 -AccessKeyId {emulator.Options.HuaweiAccessKeyId} {wrong} -ProjectId $hw.ProjectId -Endpoint $hwEndpoints -Name wrongkey");
        Assert.Empty(result.Output);
        var error = result.FirstError!;
        Assert.StartsWith("HuaweiCloud.APIGW.0301", error.FullyQualifiedErrorId);
        Assert.Contains("Check the access key id", error.ToString());
        // One signed IAM call, and no connection left behind.
        Assert.Equal([401], emulator.Server.Requests.ForPath("/iam/").Select(r => r.Status));
        Assert.Empty(ps.Run("Get-HuaweiCloudConnection -Name wrongkey*").Objects);

        emulator.Server.Requests.Clear();
        var skipped = ps.Run($"Connect-HuaweiCloud -Region cn-north-4 -AccessKeyId {emulator.Options.HuaweiAccessKeyId} {wrong} -ProjectId $hw.ProjectId -Endpoint $hwEndpoints -Name skipped -SkipCredentialCheck | ForEach-Object Name").Succeeded();
        Assert.Equal(["skipped"], skipped.Objects);
        Assert.Empty(emulator.Server.Requests.Entries);

        // A right key with a project id connects after the same one call.
        emulator.Server.Requests.Clear();
        ps.Run($"Connect-HuaweiCloud -Region cn-north-4 {AccessKey} -ProjectId $hw.ProjectId -Endpoint $hwEndpoints -Name rightkey -ErrorAction Stop").Succeeded();
        Assert.Equal([200], emulator.Server.Requests.ForPath("/iam/").Select(r => r.Status));
    }
}
