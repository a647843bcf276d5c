using BackupQuery.Text;
using FsCheck;
using FsCheck.Fluent;
using static BackupQuery.Core.Tests.Properties.Generators;

namespace BackupQuery.Core.Tests.Text;

/// <summary>The digit-by-digit layouts give exactly what the general parsing gives, for every text they accept and for
/// near misses (out-of-range fields, stray characters), which they must leave to it.</summary>
public sealed class TimestampLayoutsTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static string D(int value, int width) => value.ToString(new string('0', width), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>ISO texts as the APIs send them, with fields a little out of range now and then.</summary>
    private static Gen<string> Iso() =>
        from year in Gen.Elements(1, 2, 1999, 2020, 2024, 9998, 9999)
        from month in Gen.Choose(0, 13)
        from day in Gen.Choose(0, 32)
        from hour in Gen.Choose(0, 24)
        from minute in Gen.Choose(0, 60)
        from second in Gen.Choose(0, 60)
        from separator in Gen.Elements("T", " ", "t")
        from fraction in Gen.Elements("", ".", ".5", ".375070", ".1234567", ".12345678", ".000000")
        from offset in Gen.Elements("", "Z", "z", "+0000", "+0800", "-0530", "+08:00", "-03:30", "+14:00", "+1401", "+15:00", "+08", "+8:00", " ", "x")
        select $"{D(year, 4)}-{D(month, 2)}-{D(day, 2)}{separator}{D(hour, 2)}:{D(minute, 2)}:{D(second, 2)}{fraction}{offset}";

    /// <summary>Java's US default, in the variants of older and newer JDKs, with some out of range.</summary>
    private static Gen<string> Java() =>
        from month in Gen.Elements("Jan", "Feb", "Jun", "Dec", "jun", "Foo")
        from day in Gen.Choose(0, 32)
        from year in Gen.Elements(1, 2017, 2024, 9999)
        from yearComma in Gen.Elements("", ",")
        from hour in Gen.Choose(0, 24)
        from minute in Gen.Choose(0, 60)
        from second in Gen.Choose(0, 60)
        from ampm in Gen.Elements("", " AM", " PM", "\u202FPM", " am", " XM", "  PM")
        from pad in Gen.Elements("", "0")
        select $"{month} {pad}{day}, {D(year, 4)}{yearComma} {pad}{hour}:{D(minute, 2)}:{D(second, 2)}{ampm}";

    [Fact]
    public void Huawei_texts_parse_as_the_general_path_parses_them() =>
        Prop.ForAll(Arb(Iso()), text => Assert.Equal(Timestamps.ParseHuaweiAnyLayout(text), Timestamps.ParseHuawei(text))).Check(Quick.WithMaxTest(2000));

    [Fact]
    public void ZStack_texts_parse_as_the_general_path_parses_them() =>
        Prop.ForAll(Arb(Gen.OneOf(Java(), Iso())), Arb(Gen.Elements(TimeZoneInfo.Utc, Shanghai, NewYork)), (text, zone) =>
            Assert.Equal(Timestamps.ParseZStackAnyLayout(text, zone), Timestamps.ParseZStack(text, zone))).Check(Quick.WithMaxTest(2000));

    [Theory]
    [InlineData("2020-08-18T07:00:46.932061")]
    [InlineData("2019-05-23T00:20:11+0000")]
    [InlineData("2018-08-06T12:41:14+08:00")]
    [InlineData("2018-02-01T12:00:00Z")]
    [InlineData("2018-02-01 12:00:00")]
    public void Common_iso_texts_take_the_fast_layout(string text)
    {
        Assert.True(TimestampLayouts.TryIso(text, TimeZoneInfo.Utc, out var fast));
        Assert.Equal(Timestamps.ParseHuaweiAnyLayout(text), fast);
    }

    [Theory]
    [InlineData("Jun 29, 2026 5:10:37 AM")]
    [InlineData("Nov 14, 2017, 10:20:57 PM")]
    [InlineData("Nov 14, 2017 22:20:57")]
    [InlineData("Dec 31, 2017 12:00:00 AM")]
    public void Common_java_texts_take_the_fast_layout(string text)
    {
        Assert.True(TimestampLayouts.TryJava(text, Shanghai, out var fast));
        Assert.Equal(Timestamps.ParseZStackAnyLayout(text, Shanghai), fast);
    }
}
