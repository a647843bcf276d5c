using BackupQuery.Connections;
using BackupQuery.Http;

namespace BackupQuery.HuaweiCloud;

/// <summary>How a Huawei Cloud connection authenticates: an IAM user's password (token), or an access key pair (signature).</summary>
internal abstract class HuaweiCloudCredential : IDisposable
{
    public const string AccessKeyVariable = "HUAWEICLOUD_SDK_AK";
    public const string SecretKeyVariable = "HUAWEICLOUD_SDK_SK";
    public const string SecurityTokenVariable = "HUAWEICLOUD_SDK_SECURITY_TOKEN";
    public const string ProjectIdVariable = "HUAWEICLOUD_SDK_PROJECT_ID";

    private HuaweiCloudCredential() { }

    /// <summary><c>Password</c>, <c>AccessKey</c> or <c>TemporaryAccessKey</c>.</summary>
    public abstract string AuthKind { get; }

    /// <summary>Clears the secrets from memory.</summary>
    public abstract void Dispose();

    /// <summary>An independent copy, secrets included: a connection owns the copy it is given and zeroes it when disposed.</summary>
    internal abstract HuaweiCloudCredential Copy();

    /// <summary>An IAM user (or the account itself) signing in with a password: IAM issues a 24 h token.</summary>
    public sealed class Password(string domainName, string userName, SensitiveString password) : HuaweiCloudCredential
    {
        /// <summary>The account (domain) name.</summary>
        public string DomainName { get; } = domainName;
        public string UserName { get; } = userName;
        internal SensitiveString Secret { get; } = password;
        public override string AuthKind => "Password";
        public override void Dispose() => Secret.Dispose();
        internal override HuaweiCloudCredential Copy() => new Password(DomainName, UserName, Secret.Copy());
    }

    /// <summary>A permanent AK/SK pair, or a temporary one with its security token.</summary>
    public sealed class AccessKey(string accessKeyId, SensitiveString secretAccessKey, SensitiveString? securityToken = null) : HuaweiCloudCredential
    {
        public string AccessKeyId { get; } = accessKeyId;
        internal SensitiveString SecretAccessKey { get; } = secretAccessKey;
        internal SensitiveString? SecurityToken { get; } = securityToken;
        public bool IsTemporary => SecurityToken is not null;
        public override string AuthKind => IsTemporary ? "TemporaryAccessKey" : "AccessKey";

        public override void Dispose()
        {
            SecretAccessKey.Dispose();
            SecurityToken?.Dispose();
        }

        internal override HuaweiCloudCredential Copy() => new AccessKey(AccessKeyId, SecretAccessKey.Copy(), SecurityToken?.Copy());
    }

    /// <summary>The access key of the official SDKs' environment variables, read now (never earlier, never cached).</summary>
    public static AccessKey FromEnvironment() => FromEnvironment(Environment.GetEnvironmentVariable);

    /// <summary><c>HUAWEICLOUD_SDK_PROJECT_ID</c>, if set.</summary>
    public static string? ProjectIdFromEnvironment() => NullIfBlank(Environment.GetEnvironmentVariable(ProjectIdVariable));

    internal static AccessKey FromEnvironment(Func<string, string?> read)
    {
        var ak = NullIfBlank(read(AccessKeyVariable));
        var sk = NullIfBlank(read(SecretKeyVariable));
        var missing = new[] { (AccessKeyVariable, ak), (SecretKeyVariable, sk) }.Where(v => v.Item2 is null).Select(v => v.Item1).ToList();
        if (missing.Count > 0)
        {
            throw new BackupQueryException($"The environment variable{(missing.Count > 1 ? "s" : "")} {string.Join(" and ", missing)} {(missing.Count > 1 ? "are" : "is")} not set: set {AccessKeyVariable} and {SecretKeyVariable} (and {SecurityTokenVariable} for a temporary key), or pass the key explicitly.", ApiErrorKind.Authentication);
        }
        var token = NullIfBlank(read(SecurityTokenVariable));
        return new AccessKey(ak!.Trim(), SensitiveString.FromPlainText(sk!), token is null ? null : SensitiveString.FromPlainText(token));
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
