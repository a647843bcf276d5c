using BackupQuery.Connections;

namespace BackupQuery.ZStack;

/// <summary>How a ZStack connection authenticates: an account, an IAM user of an account, or an AccessKey pair.</summary>
public abstract class ZStackCredential
{
    private ZStackCredential() { }

    public abstract string AuthKind { get; }

    public sealed class Account(string accountName, SensitiveString password) : ZStackCredential
    {
        public string AccountName { get; } = accountName;
        internal SensitiveString Password { get; } = password;
        public override string AuthKind => "Account";
    }

    public sealed class User(string accountName, string userName, SensitiveString password) : ZStackCredential
    {
        public string AccountName { get; } = accountName;
        public string UserName { get; } = userName;
        internal SensitiveString Password { get; } = password;
        public override string AuthKind => "User";
    }

    public sealed class AccessKey(string accessKeyId, SensitiveString secret) : ZStackCredential
    {
        public string AccessKeyId { get; } = accessKeyId;
        internal SensitiveString Secret { get; } = secret;
        public override string AuthKind => "AccessKey";
    }
}
