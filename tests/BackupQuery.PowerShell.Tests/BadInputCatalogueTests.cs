using System.Management.Automation;
using BackupQuery.PowerShell.Tests.Support;

namespace BackupQuery.PowerShell.Tests;

/// <summary>
/// Every kind of bad input, through the real engine: each names its error id, its category, and text the message must
/// hold (the offending input and what to do). Sessions from <see cref="EmulatorFixture.ConnectedSession"/>: $zs and $hw
/// are connected, $zsCredential, $hwCredential and $hwEndpoints are set.
/// </summary>
public sealed class BadInputCatalogueTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private const string Sk = "(ConvertTo-SecureString 'not-the-secret' -AsPlainText -Force)";
    private const string Long = "('x' * 10000)";

    public static TheoryData<string, string, string, ErrorCategory, string[]> Cases() => new()
    {
        // ZStack: servers and credentials
        { "zstack unreachable", "Connect-ZStack -Server http://127.0.0.1:1 -Credential $zsCredential -TimeoutSec 5", "ZStack.Connection", ErrorCategory.ConnectionError, ["127.0.0.1:1", "Check the address"] },
        { "zstack malformed address", "Connect-ZStack -Server 'http://[bad' -Credential $zsCredential", "BackupQuery.InvalidArgument", ErrorCategory.InvalidArgument, ["'http://[bad'", "give a host"] },
        { "zstack address of another API", "Connect-ZStack -Server \"$($zs.Server)/../../iam\" -Credential $zsCredential", "ZStack.HTTP404", ErrorCategory.ObjectNotFound, ["HTTP 404", "Check -Server"] },
        { "zstack wrong password", "Connect-ZStack -Server $zs.Server -Credential ([pscredential]::new('admin', (ConvertTo-SecureString 'nope' -AsPlainText -Force)))", "ZStack.ID.1000", ErrorCategory.AuthenticationError, ["ID.1000", "Check the account"] },
        { "zstack unknown account", "Connect-ZStack -Server $zs.Server -Credential ([pscredential]::new('nobody', (ConvertTo-SecureString 'password' -AsPlainText -Force)))", "ZStack.ID.1000", ErrorCategory.AuthenticationError, ["ID.1000", "Check the account"] },
        { "zstack unknown IAM user", "Connect-ZStack -Server $zs.Server -AccountName admin -Credential ([pscredential]::new('ghost', (ConvertTo-SecureString 'x' -AsPlainText -Force)))", "ZStack.ID.1000", ErrorCategory.AuthenticationError, ["ID.1000", "user name"] },
        { "zstack wrong AccessKey secret", $"Connect-ZStack -Server $zs.Server -AccessKeyId ZSDEMOACCESSKEYID0001 -AccessKeySecret {Sk}", "ZStack.ID.1001", ErrorCategory.AuthenticationError, ["ZSDEMOACCESSKEYID0001", "ID.1001", "Check the AccessKey id and secret"] },
        { "zstack unknown time zone", "Connect-ZStack -Server $zs.Server -Credential $zsCredential -ServerTimeZone Mars/Base", "BackupQuery.UnknownTimeZone", ErrorCategory.InvalidArgument, ["'Mars/Base'", "for example"] },
        { "zstack proxy conflict", "Connect-ZStack -Server $zs.Server -Credential $zsCredential -Proxy http://127.0.0.1:3128 -NoProxy", "BackupQuery.ProxyConflict", ErrorCategory.InvalidArgument, ["-Proxy", "-NoProxy"] },
        { "zstack timeout out of range", "Connect-ZStack -Server $zs.Server -Credential $zsCredential -TimeoutSec 0", "ParameterArgumentValidationError", ErrorCategory.InvalidData, ["TimeoutSec", "0"] },
        // ZStack: listings
        { "zstack page size 0", "Get-ZStackDatabaseBackup -Connection $zs -PageSize 0", "ParameterArgumentValidationError", ErrorCategory.InvalidData, ["PageSize", "minimum"] },
        { "zstack page size too large", "Get-ZStackDatabaseBackup -Connection $zs -PageSize 100000", "ParameterArgumentValidationError", ErrorCategory.InvalidData, ["PageSize", "maximum"] },
        { "zstack created after later than before", "Get-ZStackDatabaseBackup -Connection $zs -CreatedAfter 2026-10-01 -CreatedBefore 2026-09-01", "BackupQuery.InvalidArgument", ErrorCategory.InvalidArgument, ["-CreatedAfter (2026-10-01", "earlier than -CreatedBefore"] },
        { "zstack operator in a name", "Get-ZStackDatabaseBackup -Connection $zs -Name 'a=b'", "BackupQuery.InvalidArgument", ErrorCategory.InvalidArgument, ["'a=b'", "query without it"] },
        { "zstack operator in a status", "Get-ZStackDatabaseBackup -Connection $zs -Status 'Ready&x=1'", "BackupQuery.InvalidArgument", ErrorCategory.InvalidArgument, ["'Ready&x=1'", "query without it"] },
        { "zstack filter without operator", "Get-ZStackDatabaseBackup -Connection $zs -Filter nonsense", "BackupQuery.InvalidArgument", ErrorCategory.InvalidArgument, ["'nonsense'", "use one of"] },
        { "zstack filter on an unknown field", "Get-ZStackDatabaseBackup -Connection $zs -Filter 'nosuchfield=1'", "ZStack.SYS.1007", ErrorCategory.InvalidArgument, ["nosuchfield", "SYS.1007"] },
        { "zstack sort by an unknown field", "Get-ZStackDatabaseBackup -Connection $zs -SortBy nosuchfield -First 1", "ZStack.SYS.1007", ErrorCategory.InvalidArgument, ["nosuchfield", "SYS.1007"] },
        { "zstack empty name", "Get-ZStackDatabaseBackup -Connection $zs -Name ''", "ParameterArgumentValidationError", ErrorCategory.InvalidData, ["Name", "null or empty"] },
        { "zstack 10,000-character name", $"Get-ZStackDatabaseBackup -Connection $zs -Name {Long}", "ZStack.HTTP414", ErrorCategory.InvalidArgument, ["HTTP 414", "shorten -Name"] },
        { "zstack connection used after Disconnect", "$c = Connect-ZStack -Server $zs.Server -Credential $zsCredential -Name gone; Disconnect-ZStack -Connection $c; Get-ZStackDatabaseBackup -Connection $c -First 1", "BackupQuery.Authentication", ErrorCategory.AuthenticationError, ["'gone'", "run Connect-ZStack again"] },
        { "zstack unknown connection name", "Get-ZStackDatabaseBackup -Connection nowhere", "ParameterArgumentTransformationError", ErrorCategory.InvalidData, ["'nowhere'", "Get-ZStackConnection"] },
        { "zstack image store wrong SSH password", "Get-ZStackImageStoreBackup -Connection $zs -BackupStorageHost 127.0.0.1 -SshCredential ([pscredential]::new('root', (ConvertTo-SecureString 'wrong' -AsPlainText -Force))) -BackupStoragePath /zstack_bs", "ZStack.SYS.1006", ErrorCategory.InvalidOperation, ["127.0.0.1", "root"] },
        { "zstack image store SSH port out of range", "Get-ZStackImageStoreBackup -Connection $zs -BackupStorageHost 127.0.0.1 -SshCredential $zsCredential -SshPort 70000", "ParameterArgumentValidationError", ErrorCategory.InvalidData, ["SshPort", "65535"] },
        // Huawei Cloud: connections
        { "huawei region without a project", "Connect-HuaweiCloud -Region xx-none-1 -DomainName demo-domain -Credential $hwCredential -Endpoint $hwEndpoints 3>$null", "HuaweiCloud.400", ErrorCategory.InvalidArgument, ["auth.scope", "give -ProjectId"] },
        { "huawei wrong password", "Connect-HuaweiCloud -Region cn-north-4 -DomainName demo-domain -Credential ([pscredential]::new('demo-user', (ConvertTo-SecureString 'nope' -AsPlainText -Force))) -Endpoint $hwEndpoints", "HuaweiCloud.401", ErrorCategory.AuthenticationError, ["HTTP 401", "Check the account (domain) name"] },
        { "huawei unknown domain", "Connect-HuaweiCloud -Region cn-north-4 -DomainName nodomain -Credential $hwCredential -Endpoint $hwEndpoints", "HuaweiCloud.401", ErrorCategory.AuthenticationError, ["HTTP 401", "Check the account (domain) name"] },
        { "huawei wrong secret key", $"Connect-HuaweiCloud -Region cn-north-4 -AccessKeyId HWDEMOACCESSKEY00001 -SecretAccessKey {Sk} -Endpoint $hwEndpoints", "HuaweiCloud.APIGW.0301", ErrorCategory.AuthenticationError, ["APIGW.0301", "Check the access key id"] },
        { "huawei unknown access key", $"$c = Connect-HuaweiCloud -Region cn-north-4 -AccessKeyId NOSUCHKEY -SecretAccessKey {Sk} -ProjectId $hw.ProjectId -Endpoint $hwEndpoints; Get-CbrBackup -Connection $c -First 1", "HuaweiCloud.APIGW.0301", ErrorCategory.AuthenticationError, ["NOSUCHKEY", "Check the access key id"] },
        { "huawei temporary key without its token", "$c = Connect-HuaweiCloud -Region cn-north-4 -AccessKeyId HWTEMPACCESSKEY00001 -SecretAccessKey (ConvertTo-SecureString 'hw-temp-secret-access-key' -AsPlainText -Force) -ProjectId $hw.ProjectId -Endpoint $hwEndpoints; Get-CbrBackup -Connection $c -First 1", "HuaweiCloud.APIGW.0301", ErrorCategory.AuthenticationError, ["security token", "Check the access key id"] },
        { "huawei unknown endpoint key", "Connect-HuaweiCloud -Region cn-north-4 -DomainName demo-domain -Credential $hwCredential -Endpoint @{ nosuch = 'http://127.0.0.1:1' }", "BackupQuery.InvalidArgument", ErrorCategory.InvalidArgument, ["'nosuch'", "use iam"] },
        { "huawei endpoint that is not a URL", "Connect-HuaweiCloud -Region cn-north-4 -DomainName demo-domain -Credential $hwCredential -Endpoint @{ iam = 'not a url' }", "BackupQuery.InvalidArgument", ErrorCategory.InvalidArgument, ["'not a url'", "for example"] },
        { "huawei unknown project id", $"$c = Connect-HuaweiCloud -Region cn-north-4 -AccessKeyId HWDEMOACCESSKEY00001 -SecretAccessKey (ConvertTo-SecureString 'hw-demo-secret-access-key' -AsPlainText -Force) -ProjectId nosuchproject -Endpoint $hwEndpoints; Get-CbrBackup -Connection $c -First 1", "HuaweiCloud.BackupService.6004", ErrorCategory.ObjectNotFound, ["nosuchproject", "Check -Region and -Endpoint"] },
        { "huawei connection used after Disconnect", "$c = Connect-HuaweiCloud -Region cn-north-4 -DomainName demo-domain -Credential $hwCredential -Endpoint $hwEndpoints -Name gone; Disconnect-HuaweiCloud -Connection $c; Get-CbrBackup -Connection $c -First 1", "BackupQuery.Authentication", ErrorCategory.AuthenticationError, ["'gone'", "run Connect-HuaweiCloud again"] },
        { "huawei unknown connection name", "Get-CbrBackup -Connection nowhere", "ParameterArgumentTransformationError", ErrorCategory.InvalidData, ["'nowhere'", "Get-HuaweiCloudConnection"] },
        // Huawei Cloud: listings
        { "cbr page size 0", "Get-CbrBackup -Connection $hw -PageSize 0", "ParameterArgumentValidationError", ErrorCategory.InvalidData, ["PageSize", "minimum"] },
        { "cbr page size 1001", "Get-CbrBackup -Connection $hw -PageSize 1001", "ParameterArgumentValidationError", ErrorCategory.InvalidData, ["PageSize", "maximum"] },
        { "cbr created after later than before", "Get-CbrBackup -Connection $hw -CreatedAfter 2026-10-01 -CreatedBefore 2026-09-01", "BackupQuery.InvalidArgument", ErrorCategory.InvalidArgument, ["-CreatedAfter (2026-10-01", "earlier than -CreatedBefore"] },
        { "cbr created after that is not a date", "Get-CbrBackup -Connection $hw -CreatedAfter 'not-a-date'", "CannotConvertArgumentNoMessage", ErrorCategory.InvalidArgument, ["CreatedAfter", "not-a-date"] },
        { "cbr image type outside the closed set", "Get-CbrBackup -Connection $hw -ImageType snapshot", "ParameterArgumentValidationError", ErrorCategory.InvalidData, ["'snapshot'", "backup, replication"] },
        { "cbr unknown sort key", "Get-CbrBackup -Connection $hw -SortBy nosuch", "BackupQuery.InvalidArgument", ErrorCategory.InvalidArgument, ["'nosuch'", "use created_at"] },
        { "cbr 10,000-character name", $"Get-CbrBackup -Connection $hw -Name {Long}", "BackupQuery.InvalidArgument", ErrorCategory.InvalidArgument, ["-Name", "255 characters"] },
        { "rds page size 101", "Get-RdsBackup -Connection $hw -PageSize 101", "ParameterArgumentValidationError", ErrorCategory.InvalidData, ["PageSize", "maximum"] },
        { "rds service that does not exist", "Get-RdsBackup -Connection $hw -Service Oracle", "CannotConvertArgumentNoMessage", ErrorCategory.InvalidArgument, ["Oracle", "GeminiDB"] },
        { "rds created after later than before", "Get-RdsBackup -Connection $hw -CreatedAfter 2026-10-01 -CreatedBefore 2026-09-01", "BackupQuery.InvalidArgument", ErrorCategory.InvalidArgument, ["-CreatedAfter (2026-10-01", "earlier than -CreatedBefore"] },
        { "rds service without an instance", "Get-RdsBackup -Connection $hw -Service RDS", "BackupQuery.InvalidArgument", ErrorCategory.InvalidArgument, ["Relational RDS", "give -InstanceId"] },
        { "rds policy type outside the closed set", "Get-RdsBackup -Connection $hw -Type Weekly", "ParameterArgumentValidationError", ErrorCategory.InvalidData, ["'Weekly'", "Instance, DatabaseTable"] },
        { "vbs unknown sort key", "Get-VbsBackup -Connection $hw -Detailed -SortBy nosuch", "BackupQuery.InvalidArgument", ErrorCategory.InvalidArgument, ["'nosuch'", "use name"] },
        { "vbs page size 0", "Get-VbsBackup -Connection $hw -PageSize 0", "ParameterArgumentValidationError", ErrorCategory.InvalidData, ["PageSize", "minimum"] },
        { "vbs sort without -Detailed", "Get-VbsBackup -Connection $hw -SortBy name", "MissingMandatoryParameter", ErrorCategory.InvalidArgument, ["Detailed"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void BadInputGetsAClearSpecificError(string name, string script, string errorId, ErrorCategory category, string[] mentions)
    {
        using var ps = emulator.ConnectedSession();
        var result = ps.Run(script);
        var error = result.FirstError;
        Assert.True(error is not null, $"{name}: no error; output: {string.Join(", ", result.Objects)}");
        Assert.Equal(errorId, error!.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(category, error.CategoryInfo.Category);
        var message = error.ToString();
        foreach (var mention in mentions) Assert.True(message.Contains(mention, StringComparison.Ordinal), $"{name}: the message does not mention '{mention}': {message}");
        // Nothing was written as if the command had worked.
        Assert.DoesNotContain(result.Objects, o => o.GetType().Namespace?.StartsWith("BackupQuery") == true);
    }
}
