using BackupQuery.ZStack;

namespace BackupQuery.Core.Tests.ZStack;

/// <summary>Check values published in the spec (zstack.md §2).</summary>
public class ZStackCryptoTests
{
    [Fact]
    public void PasswordHashIsLowercaseHexSha512()
    {
        Assert.Equal(
            "b109f3bbbc244eb82441917ed06d618b9008dd09b3befd1b5e07394c706a8bb980b1d7785e5976ec049b46df5f1326af5a2ea6d103fd07c95385ffab0cacbc86",
            ZStackPasswordHash.Compute("password"));
    }

    [Fact]
    public void AccessKeySignatureMatchesTheSpecCheckValue()
    {
        Assert.Equal("Uyrx0K0FlGY6Cp4A1Zmo8FzSdoU=",
            ZStackAccessKeySigner.Sign("mySecret", "GET", "Mon, 02 Jan 2006 15:04:05 CST", "/v1/database-backups"));
    }

    [Fact]
    public void AccessKeyDateIsTheServerWallClockWithAZoneId()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var date = ZStackAccessKeySigner.FormatDate(new DateTimeOffset(2026, 11, 22, 4, 46, 56, TimeSpan.Zero), zone);
        Assert.Equal("Sun, 22 Nov 2026 12:46:56 Asia/Shanghai", date);
    }
}
