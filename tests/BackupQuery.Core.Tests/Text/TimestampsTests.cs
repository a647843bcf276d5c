using BackupQuery.Text;

namespace BackupQuery.Core.Tests.Text;

public class TimestampsTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Theory]
    [InlineData("Nov 14, 2017 10:20:57 PM")]
    [InlineData("Nov 14, 2017, 10:20:57 PM")]
    [InlineData("Nov 14, 2017 10:20:57\u202FPM")]
    [InlineData("Nov 14, 2017 22:20:57")]
    public void ZStackJavaFormatsAreServerLocal(string text) =>
        Assert.Equal(new DateTimeOffset(2017, 11, 14, 22, 20, 57, TimeSpan.FromHours(8)), Timestamps.ParseZStack(text, Shanghai));

    [Fact]
    public void ZStackAcceptsRfc3339() =>
        Assert.Equal(new DateTimeOffset(2017, 11, 14, 14, 20, 57, TimeSpan.Zero), Timestamps.ParseZStack("2017-11-14T14:20:57Z", Shanghai));

    [Theory]
    [InlineData("2019-05-27T03:38:51+0000", 2019, 5, 27, 3, 38, 51, 0)]
    [InlineData("2018-08-06T12:41:14+0800", 2018, 8, 6, 12, 41, 14, 8)]
    [InlineData("2018-08-06T12:41:14+08:00", 2018, 8, 6, 12, 41, 14, 8)]
    [InlineData("2020-08-18T06:00:45.375070", 2020, 8, 18, 6, 0, 45, 0)]
    [InlineData("2013-06-27T08:48:03.000000", 2013, 6, 27, 8, 48, 3, 0)]
    [InlineData("2018-02-01T12:00:00Z", 2018, 2, 1, 12, 0, 0, 0)]
    public void HuaweiOffsetsParseAndZoneLessIsUtc(string text, int y, int mo, int d, int h, int mi, int s, int offsetHours)
    {
        var parsed = Timestamps.ParseHuawei(text);
        Assert.NotNull(parsed);
        Assert.Equal(new DateTimeOffset(y, mo, d, h, mi, s, TimeSpan.FromHours(offsetHours)), parsed!.Value.AddTicks(-(parsed.Value.Ticks % TimeSpan.TicksPerSecond)));
        Assert.Equal(TimeSpan.FromHours(offsetHours), parsed.Value.Offset);
    }

    [Fact]
    public void MicrosecondsAreKept() =>
        Assert.Equal(375070 * 10L, Timestamps.ParseHuawei("2020-08-18T06:00:45.375070")!.Value.Ticks % TimeSpan.TicksPerSecond);

    [Theory]
    [InlineData("yesterday")]
    [InlineData("32/13/2020")]
    [InlineData("")]
    [InlineData(null)]
    public void OddValuesGiveNullInsteadOfThrowing(string? text)
    {
        Assert.Null(Timestamps.ParseHuawei(text));
        Assert.Null(Timestamps.ParseZStack(text, Shanghai));
    }
}
