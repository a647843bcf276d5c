using BackupQuery.Text;

namespace BackupQuery.Core.Tests.Coverage;

/// <summary>-MaxAge as people type it.</summary>
public sealed class DurationTextTests
{
    [Theory]
    [InlineData("36h", 36 * 60)]
    [InlineData("2d", 2 * 1440)]
    [InlineData("90m", 90)]
    [InlineData("1.5d", 36 * 60)]
    [InlineData(" 2D ", 2 * 1440)]
    [InlineData("3", 3 * 1440)]
    [InlineData("1.12:00:00", 36 * 60)]
    [InlineData("06:30:00", 390)]
    public void Reads_hours_days_minutes_bare_days_and_timespans(string text, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), DurationText.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("0d")]
    [InlineData("-1d")]
    [InlineData("2w")]
    [InlineData("h")]
    [InlineData("forever")]
    [InlineData("00:00:00")]
    [InlineData("100000d")]
    public void Refuses_what_is_not_a_positive_duration(string text) => Assert.Null(DurationText.Parse(text));
}
