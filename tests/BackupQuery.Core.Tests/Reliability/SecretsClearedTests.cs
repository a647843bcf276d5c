using BackupQuery.Connections;
using BackupQuery.Core.Tests.HuaweiCloud;
using BackupQuery.Core.Tests.ZStack;
using BackupQuery.HuaweiCloud;
using BackupQuery.ZStack;

namespace BackupQuery.Core.Tests.Reliability;

/// <summary>
/// A connection zeroes the secrets it holds when it is disposed (Disconnect-* disposes it). It holds its own copy of
/// the credential it was given: the caller's stays the caller's to dispose (Connect-* does, when it is done).
/// </summary>
public sealed class SecretsClearedTests
{
    [Fact]
    public async Task A_zstack_connection_clears_its_password_on_dispose()
    {
        await using var emulator = await ZStackEmulator.StartAsync(o => o.ZStackCount = 1);
        var password = SensitiveString.FromPlainText(emulator.Options.ZStackPassword);
        var connection = await emulator.ConnectAsync(new ZStackCredential.Account(emulator.Options.ZStackAccountName, password));
        var owned = ((ZStackCredential.Account)connection.Credential).Password;
        Assert.NotSame(password, owned);
        await connection.DisconnectAsync(CancellationToken.None);
        Assert.False(owned.IsDisposed);
        connection.Dispose();
        Assert.True(owned.IsDisposed);
        Assert.Throws<ObjectDisposedException>(() => owned.Use(p => p));
        Assert.False(password.IsDisposed);
    }

    [Fact]
    public async Task A_huawei_connection_clears_its_key_and_security_token_on_dispose()
    {
        await using var emulator = await HuaweiCloudEmulator.StartAsync();
        var secret = SensitiveString.FromPlainText(emulator.Options.HuaweiTemporarySecretAccessKey);
        var token = SensitiveString.FromPlainText(emulator.Options.HuaweiSecurityToken);
        var connection = await emulator.ConnectAsync(new HuaweiCloudCredential.AccessKey(emulator.Options.HuaweiTemporaryAccessKeyId, secret, token));
        var owned = (HuaweiCloudCredential.AccessKey)connection.Credential;
        Assert.NotSame(secret, owned.SecretAccessKey);
        connection.Dispose();
        Assert.True(owned.SecretAccessKey.IsDisposed);
        Assert.True(owned.SecurityToken!.IsDisposed);
        Assert.False(secret.IsDisposed || token.IsDisposed);
    }

    [Fact]
    public async Task A_huawei_password_connection_clears_its_password_on_dispose()
    {
        await using var emulator = await HuaweiCloudEmulator.StartAsync();
        var password = SensitiveString.FromPlainText(emulator.Options.HuaweiPassword);
        var connection = await emulator.ConnectAsync(new HuaweiCloudCredential.Password(emulator.Options.HuaweiDomainName, emulator.Options.HuaweiUserName, password));
        var owned = ((HuaweiCloudCredential.Password)connection.Credential).Secret;
        Assert.NotSame(password, owned);
        connection.Dispose();
        Assert.True(owned.IsDisposed);
        Assert.False(password.IsDisposed);
    }

    [Fact]
    public void An_image_store_scan_clears_its_ssh_password_on_dispose()
    {
        var password = SensitiveString.FromPlainText("ssh-secret");
        using (new ImageStoreScan("host", "root", password)) { }
        Assert.True(password.IsDisposed);
    }
}
