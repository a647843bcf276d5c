using System.Collections;
using System.Management.Automation;
using System.Security;
using BackupQuery.HuaweiCloud;
using BackupQuery.PowerShell.Infrastructure;

namespace BackupQuery.PowerShell.HuaweiCloud;

/// <summary>Authenticates to Huawei Cloud (IAM password token, or AK/SK signing) for one region and project.</summary>
[Cmdlet(VerbsCommunications.Connect, ProviderNoun.HuaweiCloud, DefaultParameterSetName = PasswordSet)]
[OutputType(typeof(HuaweiCloudConnection))]
public sealed class ConnectHuaweiCloudCommand : ConnectCmdlet
{
    private const string PasswordSet = "Password";
    private const string AccessKeySet = "AccessKey";
    private const string EnvironmentSet = "Environment";

    [Parameter(Mandatory = true, Position = 0, HelpMessage = "Region id(s), e.g. cn-north-4 (Tab completes the known ones; others are allowed). Several regions give one connection each, from the one credential, connected at once.")]
    [ArgumentCompleter(typeof(RegionCompleter))]
    [ValidateNotNullOrEmpty]
    public string[] Region { get; set; } = [];

    [Parameter(Mandatory = true, ParameterSetName = PasswordSet, HelpMessage = "Account (domain) name the IAM user belongs to.")]
    [ValidateNotNullOrEmpty]
    public string DomainName { get; set; } = "";

    [Parameter(Mandatory = true, ParameterSetName = PasswordSet, HelpMessage = "IAM user name and password (gets a 24 h token, renewed before it expires).")]
    [CredentialNotNull]
    [Credential]
    [ValidateNotNull]
    public PSCredential Credential { get; set; } = null!;

    [Parameter(Mandatory = true, ParameterSetName = AccessKeySet, HelpMessage = "Access key id (AK); every request is signed with the secret key.")]
    [ValidateNotNullOrEmpty]
    public string AccessKeyId { get; set; } = "";

    [Parameter(Mandatory = true, ParameterSetName = AccessKeySet, HelpMessage = "Secret access key (SK).")]
    [ValidateNotNull]
    public SecureString SecretAccessKey { get; set; } = null!;

    [Parameter(ParameterSetName = AccessKeySet, HelpMessage = "Security token of a temporary AK/SK.")]
    [ValidateNotNull]
    public SecureString? SecurityToken { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = EnvironmentSet, HelpMessage = "Read AK/SK, security token and project id from the HUAWEICLOUD_SDK_* environment variables (runbooks).")]
    public SwitchParameter FromEnvironment { get; set; }

    [Parameter(HelpMessage = "Project id; default: looked up in IAM by the region name.")]
    [ValidateNotNullOrEmpty]
    public string? ProjectId { get; set; }

    [Parameter(HelpMessage = "Base URLs per service, overriding the defaults: keys iam, gaussdb-nosql, rds, vbs, cbr.")]
    [ValidateNotNull]
    public Hashtable? Endpoint { get; set; }

    [Parameter(HelpMessage = "With an access key and -ProjectId, connect without checking the key first (the check is one signed IAM call, GET /v3/projects); a wrong key then fails at the first Get-*.")]
    public SwitchParameter SkipCredentialCheck { get; set; }

    protected override void ProcessRecord()
    {
        // Each region's connection keeps its own copy: this one is zeroed when the command is done.
        using var credential = ParameterSetName switch
        {
            AccessKeySet => new HuaweiCloudCredential.AccessKey(AccessKeyId, Secret(SecretAccessKey), SecurityToken is null ? null : Secret(SecurityToken)),
            EnvironmentSet => FromEnvironmentOrFail(),
            _ => (HuaweiCloudCredential)new HuaweiCloudCredential.Password(DomainName, Credential.UserName, Secret(Credential.Password)),
        };
        var regions = Region.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        // A project id belongs to one region.
        if (regions.Count > 1 && ProjectId is not null)
        {
            ThrowTerminatingError(new ErrorRecord(new ArgumentException("-ProjectId names the project of one region: give one -Region with it, or leave it out to look each region's project up."),
                "BackupQuery.ProjectIdWithRegions", ErrorCategory.InvalidArgument, ProjectId));
        }
        foreach (var region in regions.Where(r => !HuaweiCloudEndpoints.IsKnown(r)))
        {
            WriteWarning($"'{region}' is not a region this module knows; using https://{{service}}.{region}.myhuaweicloud.com unless -Endpoint says otherwise.");
        }
        var endpoints = Endpoint?.Cast<DictionaryEntry>().ToDictionary(e => Convert.ToString(e.Key, System.Globalization.CultureInfo.InvariantCulture) ?? "", e => Convert.ToString(e.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "", StringComparer.OrdinalIgnoreCase);
        if (endpoints is not null) WarnOfUserInfo("-Endpoint", endpoints.Values);
        var projectId = ProjectId ?? (ParameterSetName == EnvironmentSet && regions.Count == 1 ? HuaweiCloudCredential.ProjectIdFromEnvironment() : null);
        ConnectAll(regions.Select(region => (region, (Func<CancellationToken, Task<HuaweiCloudConnection>>)(ct => HuaweiCloudConnection.ConnectAsync(new HuaweiCloudConnectOptions
        {
            Region = region,
            Credential = credential,
            ProjectId = projectId,
            Endpoints = endpoints,
            // Several regions: each connection's name says its region.
            Name = Name is null || regions.Count == 1 ? Name : $"{Name}:{region}",
            Transport = Transport,
            MaxConcurrency = MaxConcurrency,
            Retry = Retry,
            SkipCredentialCheck = SkipCredentialCheck,
        }, ct)))).ToList());
    }

    private HuaweiCloudCredential FromEnvironmentOrFail()
    {
        try
        {
            return HuaweiCloudCredential.FromEnvironment();
        }
        catch (BackupQuery.Http.BackupQueryException e)
        {
            ThrowTerminatingError(ErrorRecords.From(e, "environment"));
            throw;
        }
    }
}
