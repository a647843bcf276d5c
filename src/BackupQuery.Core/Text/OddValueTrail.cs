using BackupQuery.Records;
using System.Text.Json;

namespace BackupQuery.Text;

/// <summary>
/// Hands the values the tolerant converters could not read (named by their member) to the record being deserialized. The record marks itself
/// current while System.Text.Json reads its members (<see cref="RecordDto"/>); the stack lives in an AsyncLocal set
/// inside the deserializing call, so pages read concurrently never share it.
/// </summary>
internal static class OddValueTrail
{
    private static readonly AsyncLocal<Stack<RecordDto>?> Records = new();

    public static void Enter(RecordDto record) => (Records.Value ??= new Stack<RecordDto>()).Push(record);

    public static void Leave(RecordDto record)
    {
        var stack = Records.Value;
        if (stack is { Count: > 0 } && ReferenceEquals(stack.Peek(), record)) stack.Pop();
    }

    /// <summary>Reads the value under the reader (skipping it whole) and notes it on the current record, if any.</summary>
    public static void Report(string field, ref Utf8JsonReader reader)
    {
        string text;
        if (reader.TokenType == JsonTokenType.String) text = JsonSerializer.Serialize(reader.GetString());
        else
        {
            using var value = JsonDocument.ParseValue(ref reader);
            text = value.RootElement.GetRawText();
        }
        if (Records.Value is { Count: > 0 } stack) stack.Peek().Add(new OddValue(field, OddValue.Shorten(text)));
    }
}
