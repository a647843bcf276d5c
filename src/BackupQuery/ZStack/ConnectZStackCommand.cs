using System.Management.Automation;
using System.Security;
using BackupQuery.Connections;
using BackupQuery.PowerShell.Infrastructure;
using BackupQuery.ZStack;

namespace BackupQuery.PowerShell.ZStack;

/// <summary>Logs in to a ZStack management node and makes the connection this session's default.</summary>
[Cmdlet(VerbsCommunications.Connect, ProviderNoun.ZStack, DefaultParameterSetName = AccountSet)]
[OutputType(typeof(ZStackConnection))]
public sealed class ConnectZStackCommand : ConnectCmdlet
{
    private const string AccountSet = "Account";
    private const string UserSet = "User";
    private const string AccessKeySet = "AccessKey";

    [Parameter(Mandatory = true, Position = 0, HelpMessage = "Management node: host, host:port, or a URL such as https://zstack.example.com/zstack (default http, port 8080, /zstack).")]
    [ValidateNotNullOrEmpty]
    public string Server { get; set; } = "";

    [Parameter(Mandatory = true, ParameterSetName = AccountSet, Position = 1, HelpMessage = "Account name and password (the password is sent only as its SHA-512 hash).")]
    [Parameter(Mandatory = true, ParameterSetName = UserSet, HelpMessage = "IAM user name and password of the user to log in as.")]
    [CredentialNotNull]
    [Credential]
    [ValidateNotNull]
    public PSCredential Credential { get; set; } = null!;

    [Parameter(Mandatory = true, ParameterSetName = UserSet, HelpMessage = "The account the IAM user in -Credential belongs to (logs in by user).")]
    [ValidateNotNullOrEmpty]
    public string AccountName { get; set; } = "";

    [Parameter(Mandatory = true, ParameterSetName = AccessKeySet, HelpMessage = "AccessKey id (requests are signed; no session).")]
    [ValidateNotNullOrEmpty]
    public string AccessKeyId { get; set; } = "";

    [Parameter(Mandatory = true, ParameterSetName = AccessKeySet, HelpMessage = "AccessKey secret.")]
    [ValidateNotNull]
    public SecureString AccessKeySecret { get; set; } = null!;

    [Parameter(HelpMessage = "Time zone of the management node, used to read its zone-less timestamps (default: this machine's zone).")]
    [ArgumentCompleter(typeof(TimeZoneCompleter))]
    [ValidateNotNullOrEmpty]
    public string? ServerTimeZone { get; set; }

    protected override void ProcessRecord()
    {
        WarnOfUserInfo("-Server", [Server]);
        // The connection keeps a copy: this one is zeroed when the command is done.
        using var credential = ParameterSetName switch
        {
            UserSet => new ZStackCredential.User(AccountName, Credential.UserName, Secret(Credential.Password)),
            AccessKeySet => new ZStackCredential.AccessKey(AccessKeyId, Secret(AccessKeySecret)),
            _ => (ZStackCredential)new ZStackCredential.Account(Credential.UserName, Secret(Credential.Password)),
        };
        var options = new ZStackConnectOptions
        {
            Server = Server,
            Credential = credential,
            Name = Name,
            ServerTimeZone = ResolveZone(),
            Transport = Transport,
            MaxConcurrency = MaxConcurrency,
            Retry = Retry,
        };
        Connect(EndpointUrl.Redact(Server), ct => ZStackConnection.ConnectAsync(options, ct));
    }

    private TimeZoneInfo ResolveZone()
    {
        if (ServerTimeZone is null) return TimeZoneInfo.Local;
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(ServerTimeZone);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            ThrowTerminatingError(new ErrorRecord(new ArgumentException($"'{ServerTimeZone}' is not a time zone id on this machine (for example Asia/Shanghai or UTC).", e),
                "BackupQuery.UnknownTimeZone", ErrorCategory.InvalidArgument, ServerTimeZone));
            throw;
        }
    }
}
