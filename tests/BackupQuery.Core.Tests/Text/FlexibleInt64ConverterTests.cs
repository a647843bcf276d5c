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

    private sealed class Pair
    {
        [JsonConverter(typeof(FlexibleInt64Converter))] public long? Size { get; set; }
        public long After { get; set; }
    }

    [Theory]
    [InlineData("{\"a\":[1,{\"b\":2}]}")]
    [InlineData("[1,[2,3]]")]
    [InlineData("\"n/a\"")]
    [InlineData("true")]
    [InlineData("1e300")]
    public void AWrongTypeOrShapeIsNullAndTheNextMemberIsStillRead(string json)
    {
        var read = JsonSerializer.Deserialize<Pair>($"{{\"Size\":{json},\"After\":7}}")!;
        Assert.Null(read.Size);
        Assert.Equal(7, read.After);
    }
}
