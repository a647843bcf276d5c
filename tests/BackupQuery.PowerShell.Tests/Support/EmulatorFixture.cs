using BackupQuery.Emulator.Hosting;

namespace BackupQuery.PowerShell.Tests.Support;

/// <summary>
/// The emulator in-process on 127.0.0.1, port 0, shared by the tests of one class (xunit class fixture), plus the
/// lines that connect a session to it. <see cref="StartAsync"/> is the one way these tests start an emulator.
/// </summary>
public class EmulatorFixture : IAsyncLifetime
{
    private EmulatorServer? _server;

    public EmulatorFixture() : this(new EmulatorOptions { ZStackCount = 1500, GeminiDbCount = 250, RdsCount = 250, VbsCount = 300, CbrCount = 300 }) { }

    /// <summary>A fixture whose emulator runs with other options (other counts, other secrets).</summary>
    protected EmulatorFixture(EmulatorOptions options) => Options = options;

    public EmulatorServer Server => _server ?? throw new InvalidOperationException("The emulator has not started.");

    public EmulatorOptions Options { get; }

    /// <summary>An emulator in-process on 127.0.0.1, port 0 (https when the options carry a certificate).</summary>
    public static Task<EmulatorServer> StartAsync(EmulatorOptions options) =>
        EmulatorServer.StartAsync(options, options.Certificate is null ? "http://127.0.0.1:0" : "https://127.0.0.1:0");

    /// <summary>Root URL without the trailing slash.</summary>
    public string Url => Server.BaseAddress.ToString().TrimEnd('/');

    /// <summary>Connect-ZStack with the demo account, as the runspace default, named 'zs'.</summary>
    public string ConnectZStackScript => $$"""
        $zsCredential = [pscredential]::new('{{Options.ZStackAccountName}}', (ConvertTo-SecureString '{{Options.ZStackPassword}}' -AsPlainText -Force))
        $zs = Connect-ZStack -Server '{{Url}}/zstack' -Credential $zsCredential -ServerTimeZone UTC -Name zs -ErrorAction Stop
        """;

    /// <summary>Connect-HuaweiCloud with the demo IAM user, every service pointed at the emulator, named 'hw'.</summary>
    public string ConnectHuaweiCloudScript => $$"""
        $hwCredential = [pscredential]::new('{{Options.HuaweiUserName}}', (ConvertTo-SecureString '{{Options.HuaweiPassword}}' -AsPlainText -Force))
        $hwEndpoints = @{ iam = '{{Url}}/iam'; 'gaussdb-nosql' = '{{Url}}/gaussdb-nosql'; rds = '{{Url}}/rds'; vbs = '{{Url}}/vbs'; cbr = '{{Url}}/cbr' }
        $hw = Connect-HuaweiCloud -Region cn-north-4 -DomainName '{{Options.HuaweiDomainName}}' -Credential $hwCredential -Endpoint $hwEndpoints -Name hw -ErrorAction Stop
        """;

    /// <summary>Record kinds, each with a script that lists a few of them (in a session from <see cref="ConnectedSession"/>).</summary>
    public static readonly string[] RecordKinds =
        ["zstack", "imagestore", "geminidb", "rds", "vbs", "vbs-detailed", "cbr", "database-instance", "cbr-vault", "cbr-protectable", "zstack-volume", "zstack-volume-backup"];

    public string ListingScript(string kind) => kind switch
    {
        "zstack" => "Get-ZStackDatabaseBackup -First 40",
        "imagestore" => $"Get-ZStackImageStoreBackup -BackupStorageHost 127.0.0.1 -SshCredential ([pscredential]::new('{Options.ImageStoreSshUser}', (ConvertTo-SecureString '{Options.ImageStoreSshPassword}' -AsPlainText -Force))) -BackupStoragePath /zstack_bs",
        "geminidb" => "Get-RdsBackup -First 40",
        "rds" => $"Get-RdsBackup -Service RDS -InstanceId {Server.HuaweiCloud.Rds.BusiestInstance.Id} -First 40",
        "vbs" => "Get-VbsBackup -First 40",
        "vbs-detailed" => "Get-VbsBackup -Detailed -First 40",
        "cbr" => "Get-CbrBackup -First 40",
        "database-instance" => "Get-RdsInstance; Get-RdsInstance -Service RDS",
        "cbr-vault" => "Get-CbrVault",
        "cbr-protectable" => "Get-CbrProtectable; Get-CbrProtectable -Type Disk",
        "zstack-volume" => "Get-ZStackVolume -First 40",
        "zstack-volume-backup" => "Get-ZStackVolumeBackup -First 40",
        "coverage" => "Get-BackupCoverage",
        "zstack-connection" => "$zs",
        "huaweicloud-connection" => "$hw",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>A new session connected to both providers ($zs, $hw, each its runspace's default), journal cleared.</summary>
    internal PowerShellSession ConnectedSession(System.Management.Automation.Host.PSHost? host = null)
    {
        var session = PowerShellSession.Start(host);
        session.Run(ConnectZStackScript + "\n" + ConnectHuaweiCloudScript).Succeeded();
        Server.Requests.Clear();
        return session;
    }

    public async Task InitializeAsync() => _server = await StartAsync(Options);

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
    }
}
