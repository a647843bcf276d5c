using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace BackupQuery.Text;

/// <summary>
/// For a record's nested object or list member: a value of another shape (a string where an object is due, an array
/// of arrays where a list of objects is due) is null, or left out of the list, and reported on the record being read
/// (<see cref="OddValueTrail"/>), never an error. Values of the right shape are read by the member type's own contract.
/// </summary>
internal sealed class TolerantShapeConverter : JsonConverterFactory
{
    /// <summary>The JSON name of the member this instance reads (one instance per member), for the report.</summary>
    internal string? Field { get; set; }

    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsClass && typeToConvert != typeof(string);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options)
    {
        var isList = typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(List<>);
        var type = isList
            ? typeof(ListConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0])
            : typeof(ObjectConverter<>).MakeGenericType(typeToConvert);
        return (JsonConverter)Activator.CreateInstance(type, this)!;
    }

    /// <summary>The converter that read a member, named for the report.</summary>
    internal interface IShaped
    {
        TolerantShapeConverter Owner { get; }
    }

    /// <summary>Reads a value of the right shape with its type's own converter, in place: going through
    /// JsonSerializer.Deserialize would scan the value once more to scope a reader to it.</summary>
    private static class Contract<T>
    {
        public static T? Read(ref Utf8JsonReader reader, JsonSerializerOptions options) =>
            ((JsonConverter<T>)options.GetTypeInfo(typeof(T)).Converter).Read(ref reader, typeof(T), options);
    }

    private sealed class ObjectConverter<T>(TolerantShapeConverter owner) : JsonConverter<T>, IShaped where T : class
    {
        public TolerantShapeConverter Owner => owner;

        public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null) return null;
            if (reader.TokenType == JsonTokenType.StartObject) return Contract<T>.Read(ref reader, options);
            OddValueTrail.Report(this, ref reader);
            return null;
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value, (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)));
    }

    private sealed class ListConverter<T>(TolerantShapeConverter owner) : JsonConverter<List<T>>, IShaped
    {
        private static readonly JsonTokenType Expected = typeof(T) == typeof(string) ? JsonTokenType.String : JsonTokenType.StartObject;

        public TolerantShapeConverter Owner => owner;

        public override List<T>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null) return null;
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                OddValueTrail.Report(this, ref reader);
                return null;
            }
            var list = new List<T>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType == Expected) list.Add(Contract<T>.Read(ref reader, options)!);
                else if (reader.TokenType != JsonTokenType.Null) OddValueTrail.Report(this, ref reader);
            }
            return list;
        }

        public override void Write(Utf8JsonWriter writer, List<T> value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value, (JsonTypeInfo<List<T>>)options.GetTypeInfo(typeof(List<T>)));
    }
}
