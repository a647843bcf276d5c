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

    [Parameter(Mandatory = true, Position = 0, HelpMessage = "Region id, e.g. cn-north-4 (Tab completes the known ones; others are allowed).")]
    [ArgumentCompleter(typeof(RegionCompleter))]
    [ValidateNotNullOrEmpty]
    public string Region { get; set; } = "";

    [Parameter(Mandatory = true, ParameterSetName = PasswordSet, HelpMessage = "Account (domain) name the IAM user belongs to.")]
    [ValidateNotNullOrEmpty]
    public string DomainName { get; set; } = "";

    [Parameter(Mandatory = true, ParameterSetName = PasswordSet, HelpMessage = "IAM user name and password (gets a 24 h token, renewed before it expires).")]
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

    protected override void ProcessRecord()
    {
        var credential = ParameterSetName switch
        {
            AccessKeySet => new HuaweiCloudCredential.AccessKey(AccessKeyId, Secret(SecretAccessKey), SecurityToken is null ? null : Secret(SecurityToken)),
            EnvironmentSet => FromEnvironmentOrFail(),
            _ => (HuaweiCloudCredential)new HuaweiCloudCredential.Password(DomainName, Credential.UserName, Secret(Credential.Password)),
        };
        if (!HuaweiCloudEndpoints.IsKnown(Region))
        {
            WriteWarning($"'{Region}' is not a region this module knows; using https://{{service}}.{Region}.myhuaweicloud.com unless -Endpoint says otherwise.");
        }
        var options = new HuaweiCloudConnectOptions
        {
            Region = Region,
            Credential = credential,
            ProjectId = ProjectId ?? (ParameterSetName == EnvironmentSet ? HuaweiCloudCredential.ProjectIdFromEnvironment() : null),
            Endpoints = Endpoint?.Cast<DictionaryEntry>().ToDictionary(e => Convert.ToString(e.Key, System.Globalization.CultureInfo.InvariantCulture) ?? "", e => Convert.ToString(e.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "", StringComparer.OrdinalIgnoreCase),
            Name = Name,
            Transport = Transport,
        };
        Connect(Region, ct => HuaweiCloudConnection.ConnectAsync(options, ct));
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
