using BackupQuery.Connections;

namespace BackupQuery.ZStack;

/// <summary>How a ZStack connection authenticates: an account, an IAM user of an account, or an AccessKey pair.</summary>
internal abstract class ZStackCredential : IDisposable
{
    private ZStackCredential() { }

    public abstract string AuthKind { get; }

    /// <summary>Clears the secret from memory.</summary>
    public abstract void Dispose();

    /// <summary>An independent copy, secret included: a connection owns the copy it is given and zeroes it when disposed.</summary>
    internal abstract ZStackCredential Copy();

    public sealed class Account(string accountName, SensitiveString password) : ZStackCredential
    {
        public string AccountName { get; } = accountName;
        internal SensitiveString Password { get; } = password;
        public override string AuthKind => "Account";
        public override void Dispose() => Password.Dispose();
        internal override ZStackCredential Copy() => new Account(AccountName, Password.Copy());
    }

    public sealed class User(string accountName, string userName, SensitiveString password) : ZStackCredential
    {
        public string AccountName { get; } = accountName;
        public string UserName { get; } = userName;
        internal SensitiveString Password { get; } = password;
        public override string AuthKind => "User";
        public override void Dispose() => Password.Dispose();
        internal override ZStackCredential Copy() => new User(AccountName, UserName, Password.Copy());
    }

    public sealed class AccessKey(string accessKeyId, SensitiveString secret) : ZStackCredential
    {
        public string AccessKeyId { get; } = accessKeyId;
        internal SensitiveString Secret { get; } = secret;
        public override string AuthKind => "AccessKey";
        public override void Dispose() => Secret.Dispose();
        internal override ZStackCredential Copy() => new AccessKey(AccessKeyId, Secret.Copy());
    }
}
