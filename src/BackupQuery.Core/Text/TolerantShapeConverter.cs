using System.Text.Json;
using System.Text.Json.Serialization;

namespace BackupQuery.Text;

/// <summary>
/// For a record's nested object or list member: a value of another shape (a string where an object is due, an array
/// of arrays where a list of objects is due) is null, or left out of the list, and reported on the record being read
/// (<see cref="OddValueTrail"/>), never an error. Values of the right shape are read by the member type's own contract.
/// </summary>
internal sealed class TolerantShapeConverter : JsonConverterFactory, ITolerantMember
{
    public TolerantShapeConverter() : this(null) { }

    private TolerantShapeConverter(string? field) => Field = field ?? "?";

    /// <summary>The JSON name of the member this instance reads, for the report.</summary>
    internal string Field { get; }

    public JsonConverter For(string field) => new TolerantShapeConverter(field);

    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsClass && typeToConvert != typeof(string);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options)
    {
        var isList = typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(List<>);
        var type = isList
            ? typeof(ListConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0])
            : typeof(ObjectConverter<>).MakeGenericType(typeToConvert);
        return (JsonConverter)Activator.CreateInstance(type, Field)!;
    }

    /// <summary>
    /// The converter of <typeparamref name="T"/>'s own contract, found once for the options it was last asked with (not
    /// per value): a value of the right shape is read with it in place (going through JsonSerializer.Deserialize would
    /// scan the value once more to scope a reader to it). Safe across threads: the pair is replaced whole.
    /// </summary>
    private sealed class ContractOf<T>
    {
        private Found? _found;

        public JsonConverter<T> In(JsonSerializerOptions options)
        {
            var found = _found;
            if (found is null || !ReferenceEquals(found.Options, options))
                _found = found = new Found(options, (JsonConverter<T>)options.GetTypeInfo(typeof(T)).Converter);
            return found.Converter;
        }

        private sealed record Found(JsonSerializerOptions Options, JsonConverter<T> Converter);
    }

    private static void WriteContract<T>(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        ((JsonConverter<T>)options.GetTypeInfo(typeof(T)).Converter).Write(writer, value, options);

    private sealed class ObjectConverter<T>(string field) : JsonConverter<T>, ITolerantMember where T : class
    {
        private readonly ContractOf<T> _contract = new();

        public JsonConverter For(string name) => new ObjectConverter<T>(name);

        public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null) return null;
            if (reader.TokenType == JsonTokenType.StartObject) return _contract.In(options).Read(ref reader, typeof(T), options);
            OddValueTrail.Report(field, ref reader);
            return null;
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => WriteContract(writer, value, options);
    }

    private sealed class ListConverter<T>(string field) : JsonConverter<List<T>>, ITolerantMember
    {
        private static readonly JsonTokenType Expected = typeof(T) == typeof(string) ? JsonTokenType.String : JsonTokenType.StartObject;

        private readonly ContractOf<T> _contract = new();

        public JsonConverter For(string name) => new ListConverter<T>(name);

        public override List<T>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null) return null;
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                OddValueTrail.Report(field, ref reader);
                return null;
            }
            var list = new List<T>();
            var contract = _contract.In(options);
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType == Expected) list.Add(contract.Read(ref reader, typeof(T), options)!);
                else if (reader.TokenType != JsonTokenType.Null) OddValueTrail.Report(field, ref reader);
            }
            return list;
        }

        public override void Write(Utf8JsonWriter writer, List<T> value, JsonSerializerOptions options) => WriteContract(writer, value, options);
    }
}
