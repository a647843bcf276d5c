using System.Text.Json;
using System.Text.Json.Serialization;

namespace BackupQuery.Text;

/// <summary>A converter built for one member: it knows the member's JSON name, to report what it could not read.</summary>
internal interface ITolerantMember
{
    /// <summary>The same converter for the member named <paramref name="field"/>.</summary>
    JsonConverter For(string field);
}

/// <summary>
/// Base of the tolerant scalar converters: a value of the expected kind is read, JSON null and empty text are null,
/// and anything else is null too and reported on the record being read (<see cref="OddValueTrail"/>), never an error.
/// Each instance serves one member, named when the reply contract is resolved (<see cref="TolerantMembers"/>).
/// </summary>
internal abstract class TolerantConverter<T> : JsonConverter<T>, ITolerantMember
{
    private protected TolerantConverter(string? field) => Field = field ?? "?";

    /// <summary>The JSON name of the member this instance reads, for the report.</summary>
    internal string Field { get; }

    /// <summary>Reads the value under the reader: true with the value (null allowed), or false when it is of no kind this member takes.</summary>
    private protected abstract bool TryRead(ref Utf8JsonReader reader, out T? value);

    private protected abstract void WriteValue(Utf8JsonWriter writer, T value);

    private protected abstract TolerantConverter<T> Named(string field);

    JsonConverter ITolerantMember.For(string field) => Named(field);

    public sealed override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null) return default;
        if (TryRead(ref reader, out var value)) return value;
        OddValueTrail.Report(Field, ref reader);
        return default;
    }

    public sealed override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        if (value is null) writer.WriteNullValue();
        else WriteValue(writer, value);
    }
}
