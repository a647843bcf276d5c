using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using BackupQuery.Text;
using FsCheck;
using FsCheck.Fluent;
using static BackupQuery.Core.Tests.Properties.Generators;

namespace BackupQuery.Core.Tests.Properties;

/// <summary>The date and number readers never throw: any text or JSON value gives a value or null.</summary>
public sealed class ReaderProperties
{
    private sealed class Holder
    {
        [JsonConverter(typeof(FlexibleInt64Converter))] public long? Whole { get; set; }
        [JsonConverter(typeof(FlexibleDoubleConverter))] public double? Real { get; set; }
        [JsonConverter(typeof(FlexibleBooleanConverter))] public bool? Flag { get; set; }
        [JsonConverter(typeof(FlexibleStringConverter))] public string? Text { get; set; }
        public int After { get; set; }
    }

    [Fact]
    public void Timestamps_never_throw_on_any_text() =>
        Prop.ForAll(Arb(AnyText(['1', '2', '0', '9', '-', ':', 'T', 'Z', '+', ' ', ',', '.', 'J', 'a', 'n', 'P', 'M', '\u202F'])), (string text) =>
        {
            _ = Timestamps.ParseHuawei(text);
            _ = Timestamps.ParseZStack(text, TimeZoneInfo.Utc);
            _ = Timestamps.ParseZStack(text, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        }).Check(Quick);

    [Fact]
    public void Flexible_converters_read_any_json_value_as_a_value_or_null_and_go_on() =>
        Prop.ForAll(Arb(Json()), value =>
        {
            var raw = value?.ToJsonString() ?? "null";
            var json = $$"""{"Whole":{{raw}},"Real":{{raw}},"Flag":{{raw}},"Text":{{raw}},"After":7}""";
            var read = JsonSerializer.Deserialize<Holder>(json)!;
            // The member after the odd one is still read: the converter consumed exactly its own value.
            Assert.Equal(7, read.After);
            if (value is JsonObject or JsonArray) Assert.True((read.Whole, read.Real, read.Flag, read.Text) == (null, null, null, null));
        }).Check(Quick);
}
