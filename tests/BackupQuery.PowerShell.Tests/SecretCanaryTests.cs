using System.Collections;
using BackupQuery.Emulator.Hosting;
using BackupQuery.PowerShell.Tests.Support;

namespace BackupQuery.PowerShell.Tests;

/// <summary>An emulator whose every secret is a canary: a value that must never show up in anything the module writes.</summary>
public sealed class CanaryEmulatorFixture() : EmulatorFixture(new EmulatorOptions
{
    ZStackCount = 120,
    GeminiDbCount = 60,
    RdsCount = 60,
    VbsCount = 60,
    CbrCount = 120,
    ZStackPassword = Prefix + "zs-password",
    ZStackUserPassword = Prefix + "zs-user-password",
    ZStackAccessKeySecret = Prefix + "zs-ak-secret",
    ImageStoreSshPassword = Prefix + "ssh-password",
    HuaweiPassword = Prefix + "hw-password",
    HuaweiSecretAccessKey = Prefix + "hw-sk",
    HuaweiTemporarySecretAccessKey = Prefix + "hw-temp-sk",
    HuaweiSecurityToken = Prefix + "hw-security-token",
})
{
    public const string Prefix = "Canary-7f3e-";

    /// <summary>Wrong secrets a user might type: as secret as the right ones.</summary>
    public static readonly string WrongPassword = Prefix + "wrong-password", WrongSecretKey = Prefix + "wrong-sk";
}

/// <summary>
/// Every secret (passwords, SKs, the security token, the SSH password, ZStack session ids and IAM tokens) runs through
/// every cmdlet with -Debug and -Verbose, forced errors of every kind, formatting, JSON, CliXml and exception text:
/// none of it appears anywhere. The secrets reach the session as variables, so no script text carries them.
/// </summary>
public sealed class SecretCanaryTests(CanaryEmulatorFixture emulator) : IClassFixture<CanaryEmulatorFixture>
{
    private EmulatorOptions O => emulator.Options;
    private string Url => emulator.Server.BaseAddress.ToString().TrimEnd('/');

    private PowerShellSession Session()
    {
        var ps = PowerShellSession.Start();
        ps.Set("secrets", new Hashtable
        {
            ["zs"] = O.ZStackPassword,
            ["zsUser"] = O.ZStackUserPassword,
            ["zsAk"] = O.ZStackAccessKeySecret,
            ["ssh"] = O.ImageStoreSshPassword,
            ["hw"] = O.HuaweiPassword,
            ["hwSk"] = O.HuaweiSecretAccessKey,
            ["hwTempSk"] = O.HuaweiTemporarySecretAccessKey,
            ["hwToken"] = O.HuaweiSecurityToken,
            ["wrong"] = CanaryEmulatorFixture.WrongPassword,
            ["wrongSk"] = CanaryEmulatorFixture.WrongSecretKey,
        });
        // The secret-leak check the Pester files use: Get-VisibleText, Find-LeakedSecret.
        ps.Run(". $args[0]", Path.Combine(TestPaths.PesterDirectory, "TestHelpers.ps1")).Succeeded();
        return ps;
    }

    private string Prelude => $$"""
        function Cred($user, $secret) { [pscredential]::new($user, (ConvertTo-SecureString $secret -AsPlainText -Force)) }
        function Secure($secret) { ConvertTo-SecureString $secret -AsPlainText -Force }
        $zsUrl = '{{Url}}/zstack'
        $hwEndpoints = @{ iam = '{{Url}}/iam'; 'gaussdb-nosql' = '{{Url}}/gaussdb-nosql'; rds = '{{Url}}/rds'; vbs = '{{Url}}/vbs'; cbr = '{{Url}}/cbr' }
        $all = @{ Debug = $true; Verbose = $true }
        """;

    private string ConnectAll => $$"""
        $zs = Connect-ZStack -Server $zsUrl -Credential (Cred '{{O.ZStackAccountName}}' $secrets.zs) -ServerTimeZone UTC -Name zs @all
        $zsu = Connect-ZStack -Server $zsUrl -AccountName '{{O.ZStackAccountName}}' -Credential (Cred '{{O.ZStackUserName}}' $secrets.zsUser) -Name zsu @all
        $zsk = Connect-ZStack -Server $zsUrl -AccessKeyId '{{O.ZStackAccessKeyId}}' -AccessKeySecret (Secure $secrets.zsAk) -Name zsk @all
        $hw = Connect-HuaweiCloud -Region cn-north-4 -DomainName '{{O.HuaweiDomainName}}' -Credential (Cred '{{O.HuaweiUserName}}' $secrets.hw) -Endpoint $hwEndpoints -Name hw @all
        $hwk = Connect-HuaweiCloud -Region cn-north-4 -AccessKeyId '{{O.HuaweiAccessKeyId}}' -SecretAccessKey (Secure $secrets.hwSk) -Endpoint $hwEndpoints -Name hwk @all
        $hwt = Connect-HuaweiCloud -Region cn-north-4 -AccessKeyId '{{O.HuaweiTemporaryAccessKeyId}}' -SecretAccessKey (Secure $secrets.hwTempSk) -SecurityToken (Secure $secrets.hwToken) -Endpoint $hwEndpoints -Name hwt @all
        """;

    private string Listings => $$"""
        # -First counts across connections, so each connection lists on its own.
        $records = @(
            foreach ($c in $zs, $zsu, $zsk) { Get-ZStackDatabaseBackup -Connection $c -First 3 @all }
            Get-ZStackImageStoreBackup -Connection $zs -BackupStorageHost 127.0.0.1 -SshCredential (Cred '{{O.ImageStoreSshUser}}' $secrets.ssh) -BackupStoragePath /zstack_bs @all
            foreach ($c in $hw, $hwk, $hwt) {
                Get-RdsBackup -Connection $c -First 3 @all
                Get-RdsBackup -Service RDS -InstanceId '{{emulator.Server.HuaweiCloud.Rds.BusiestInstance.Id}}' -Connection $c -First 3 @all
                Get-VbsBackup -Connection $c -First 3 @all
                Get-VbsBackup -Detailed -Connection $c -First 3 @all
                Get-CbrBackup -Connection $c -First 3 @all
            })
        Get-ZStackConnection @all | Format-List * | Out-String
        Get-HuaweiCloudConnection @all | Format-List * | Out-String
        Get-VisibleText -InputObject (@($zs, $zsu, $zsk, $hw, $hwk, $hwt) + $records) -Depth 6
        """;

    private const string ForcedErrors = """
        Connect-ZStack -Server $zsUrl -Credential (Cred 'admin' $secrets.wrong) -Name bad @all
        Connect-ZStack -Server $zsUrl -AccessKeyId 'ZSDEMOACCESSKEYID0001' -AccessKeySecret (Secure $secrets.wrongSk) -Name badk @all
        Connect-HuaweiCloud -Region cn-north-4 -DomainName 'demo' -Credential (Cred 'demo' $secrets.wrong) -Endpoint $hwEndpoints -Name badhw @all
        Connect-HuaweiCloud -Region cn-north-4 -AccessKeyId 'HWDEMOACCESSKEY00001' -SecretAccessKey (Secure $secrets.wrongSk) -Endpoint $hwEndpoints -Name badsig @all
        Get-ZStackImageStoreBackup -Connection $zs -BackupStorageHost 127.0.0.1 -SshCredential (Cred 'root' $secrets.wrong) -BackupStoragePath /zstack_bs @all
        Disconnect-ZStack -Connection $zsu @all
        Disconnect-HuaweiCloud -Connection $hwt @all
        Get-ZStackDatabaseBackup -Connection $zsu -First 1 @all
        Get-CbrBackup -Connection $hwt -First 1 @all
        Get-CbrBackup -Connection $hw -PageSize 20 @all | Select-Object -First 0
        $Error | Format-List * -Force | Out-String
        $Error | ForEach-Object { $_.Exception.ToString(); $_.Exception.InnerException | ForEach-Object ToString }
        $Error[0] | Format-List * -Force | Out-String
        $Error | ConvertTo-Json -Depth 3 -WarningAction SilentlyContinue
        """;

    [Fact]
    public void No_secret_or_session_id_appears_in_any_stream_format_serialization_or_error()
    {
        using var ps = Session();
        emulator.Server.Requests.Clear();
        var connected = ps.Run(Prelude + "\n" + ConnectAll + "\n" + Listings);
        emulator.Server.Faults.Add(new FaultRule("/cbr/", FaultKind.Status) { StatusCode = 500, AfterRequests = 1, Times = 10 });
        var failed = ps.Run(Prelude + "\n" + ForcedErrors);
        emulator.Server.Faults.Clear();

        // The runs did what they should, so the absence of secrets below means something.
        Assert.Null(connected.Terminating);
        Assert.Empty(connected.Errors);
        Assert.Contains(connected.Debug, d => d.Contains("/zstack/v1/accounts/login") || d.Contains("/zstack/v1/"));
        Assert.Contains(connected.Debug, d => d.Contains("/v3/auth/tokens"));
        Assert.Contains(connected.Debug, d => d.Contains("X-Security-Token", StringComparison.OrdinalIgnoreCase));
        Assert.True(connected.Verbose.Count >= 25, $"verbose lines: {string.Join("\n", connected.Verbose)}");
        Assert.True(failed.Errors.Count >= 8, $"forced errors: {failed.Errors.Count}");
        Assert.Contains("Objs", connected.Text); // the CliXml export was read back

        var secrets = Secrets();
        Assert.Contains(secrets.Keys.Cast<string>(), s => s.StartsWith("OAuth-session"));
        Assert.Contains(secrets.Keys.Cast<string>(), s => s.StartsWith("IAM-token"));
        var everything = string.Join("\n", Text(connected).Concat(Text(failed)));
        Assert.Empty(ps.Run("Find-LeakedSecret -Text $args[0] -Secret $args[1]", everything, secrets).Succeeded().Objects);
        Assert.DoesNotContain(CanaryEmulatorFixture.Prefix, everything);
    }

    /// <summary>
    /// An HTTP/2 hop (a proxy or gateway) passes header names on in lower case: the IAM token in the login reply's
    /// <c>x-subject-token</c> is masked in Debug as under its canonical name.
    /// </summary>
    [Fact]
    public void A_hop_that_lowercases_header_names_does_not_unmask_the_token_in_Debug()
    {
        using var ps = Session();
        emulator.Server.Requests.Clear();
        emulator.Server.Faults.Add(new FaultRule("/iam/", FaultKind.LowercaseHeaders, Times: 100));
        var result = ps.Run(Prelude + "\n" + $$"""
            $hw = Connect-HuaweiCloud -Region cn-north-4 -DomainName '{{O.HuaweiDomainName}}' -Credential (Cred '{{O.HuaweiUserName}}' $secrets.hw) -Endpoint $hwEndpoints -Name hw @all
            Get-CbrBackup -Connection $hw -First 1 @all | Out-Null
            """);
        emulator.Server.Faults.Clear();

        Assert.Null(result.Terminating);
        Assert.Empty(result.Errors);
        // The reply came through the hop: its token header is there, in lower case, masked.
        Assert.Contains(result.Debug, d => d.Contains("\nx-subject-token: ***"));
        var tokens = Secrets();
        Assert.Contains(tokens.Keys.Cast<string>(), s => s.StartsWith("IAM-token"));
        Assert.Empty(ps.Run("Find-LeakedSecret -Text $args[0] -Secret $args[1]", string.Join("\n", result.Debug), tokens).Succeeded().Objects);
    }

    /// <summary>The canaries, and what the emulator saw of sessions and tokens, by name (what a failure reports).</summary>
    private Hashtable Secrets()
    {
        var secrets = new Hashtable();
        foreach (var canary in new[] { O.ZStackPassword, O.ZStackUserPassword, O.ZStackAccessKeySecret, O.ImageStoreSshPassword, O.HuaweiPassword,
            O.HuaweiSecretAccessKey, O.HuaweiTemporarySecretAccessKey, O.HuaweiSecurityToken, CanaryEmulatorFixture.WrongPassword, CanaryEmulatorFixture.WrongSecretKey })
        {
            secrets[canary.Substring(CanaryEmulatorFixture.Prefix.Length)] = canary;
        }
        foreach (var entry in emulator.Server.Requests.ForPath("/"))
        {
            if (entry.Headers.TryGetValue("Authorization", out var auth) && auth.StartsWith("OAuth ", StringComparison.Ordinal)) secrets[$"OAuth-session {secrets.Count}"] = auth.Substring(6);
            if (entry.Headers.TryGetValue("X-Auth-Token", out var token)) secrets[$"IAM-token {secrets.Count}"] = token;
        }
        return secrets;
    }

    private static IEnumerable<string> Text(PowerShellResult result) =>
        result.Output.Select(o => o?.ToString() ?? "")
            .Concat(result.Errors.SelectMany(e => new[] { e.ToString(), e.Exception.ToString(), e.ErrorDetails?.Message ?? "", e.ErrorDetails?.RecommendedAction ?? "", e.CategoryInfo.ToString(), e.TargetObject?.ToString() ?? "" }))
            .Concat(result.Warnings).Concat(result.Verbose).Concat(result.Debug)
            .Concat(result.Information.Select(i => i.MessageData?.ToString() ?? ""))
            .Concat(result.Terminating is { } t ? [t.ToString(), t.Exception.ToString()] : []);
}
