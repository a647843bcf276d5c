using System.Text.Json;
using System.Text.Json.Serialization;
using BackupQuery.Text;

namespace BackupQuery.Core.Tests.Text;

public class FlexibleInt64ConverterTests
{
    private sealed class Holder
    {
        [JsonConverter(typeof(FlexibleInt64Converter))] public long? Size { get; set; }
    }

    [Theory]
    [InlineData("13107", 13107L)]
    [InlineData("13107.0", 13107L)]
    [InlineData("1.268224E7", 12682240L)]
    [InlineData("\"42\"", 42L)]
    [InlineData("null", null)]
    public void ReadsJavaStyleNumbers(string json, long? expected) =>
        Assert.Equal(expected, JsonSerializer.Deserialize<Holder>($"{{\"Size\":{json}}}")!.Size);

    [Fact]
    public void AWrongTypeNamesTheField()
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Holder>("{\"Size\":{\"a\":1}}"));
        Assert.Equal("$.Size", error.Path);
    }
}
