using BackupQuery.Connections;
using BackupQuery.Core.Tests.Support;
using BackupQuery.Http;
using BackupQuery.Paging;
using BackupQuery.ZStack;

namespace BackupQuery.Core.Tests.ZStack;

/// <summary>GetDatabaseBackupFromImageStore: the ssh:// url, both reply shapes, and the SSH password kept out of sight.</summary>
public class ZStackImageStoreTests
{
    private static ImageStoreScan Scan(ZStackEmulator emulator, string? password = null) =>
        new("bs1.example.internal", emulator.Options.ImageStoreSshUser, SensitiveString.FromPlainText(password ?? emulator.Options.ImageStoreSshPassword))
        {
            SshPort = 2222,
            BackupStoragePath = "/zstack_bs",
        };

    [Fact]
    public async Task APasswordWithSpecialCharactersArrivesIntactAndBackupsAreRead()
    {
        await using var emulator = await ZStackEmulator.StartAsync(o => o.ImageStoreCount = 4);
        using var connection = await emulator.ConnectAsync();

        var backups = await connection.GetImageStoreBackupsAsync(Scan(emulator), new PagingOptions(), CancellationToken.None).ToListAsync();

        var scan = emulator.Server.ZStack.ImageStore.LastRequest!;
        Assert.True(scan.PasswordMatched);
        Assert.Equal(("bs1.example.internal", 2222, 8000), (scan.Host, scan.Port, scan.RegistryPort));
        Assert.Equal(emulator.Server.ZStack.ImageStore.Images.Select(i => i.InstallPath), backups.Select(b => b.InstallPath));
        Assert.All(backups, b => Assert.StartsWith("zstore://", b.InstallPath));
        Assert.All(backups, b => Assert.NotNull(b.CreatedAt));
        Assert.All(backups, b => Assert.Equal("bs1.example.internal", b.BackupStorageHost));
    }

    [Fact]
    public async Task FirstAndSkipApplyToTheScan()
    {
        await using var emulator = await ZStackEmulator.StartAsync(o => o.ImageStoreCount = 6);
        using var connection = await emulator.ConnectAsync();
        long? total = null;

        var some = await connection.GetImageStoreBackupsAsync(Scan(emulator), new PagingOptions { Skip = 2, First = 3, OnTotal = t => total = t }, CancellationToken.None).ToListAsync();

        Assert.Equal(emulator.Server.ZStack.ImageStore.Images.Skip(2).Take(3).Select(i => i.InstallPath), some.Select(b => b.InstallPath));
        Assert.Equal(6, total);
        Assert.Single(emulator.Server.Requests.ForPath("/zstack/v1/database-backups/image-store"));
    }

    [Fact]
    public async Task TheSeedPagesInfosShapeIsReadToo()
    {
        await using var emulator = await ZStackEmulator.StartAsync(o => o.SeedDocMode = true);
        using var connection = await emulator.ConnectAsync();

        var backups = await connection.GetImageStoreBackupsAsync(Scan(emulator), new PagingOptions(), CancellationToken.None).ToListAsync();

        var seed = backups[0];
        Assert.Equal("270c67e3699f72ba", seed.Id);
        Assert.Equal("78b6afbc9da73932a000fb9a75947962", seed.Name);
        Assert.Equal(7995392L, seed.SizeBytes);
        Assert.Equal(12682240L, seed.VirtualSize);
        Assert.Equal("amd64", seed.Architecture);
        Assert.Equal(new DateTimeOffset(2017, 11, 14, 22, 20, 57, TimeSpan.FromHours(8)), seed.CreatedAt);
    }

    [Fact]
    public async Task AWrongSshPasswordFailsWithoutShowingIt()
    {
        await using var emulator = await ZStackEmulator.StartAsync();
        using var connection = await emulator.ConnectAsync();
        var log = new CapturingLog();
        const string wrong = "wr0ng#p@ss";

        ApiException error;
        using (ApiLog.Use(log))
        {
            error = await Assert.ThrowsAsync<ApiException>(() => connection.GetImageStoreBackupsAsync(Scan(emulator, wrong), new PagingOptions(), CancellationToken.None).ToListAsync());
        }

        Assert.NotNull(error.ServiceCode);
        var visible = error + "\n" + string.Join("\n", log.Lines);
        Assert.Contains(log.Lines, l => l.StartsWith("DEBUG GET", StringComparison.Ordinal) && l.Contains("url=***"));
        foreach (var form in new[] { wrong, UriEncoding.Encode(wrong), UriEncoding.Encode(UriEncoding.Encode(wrong)) })
        {
            Assert.DoesNotContain(form, visible);
        }
    }
}
