using System.Text;
using System.Text.Json;
using BackupQuery.Text;

namespace BackupQuery.Core.Tests.Text;

/// <summary>A member's repeated text shared between reads: the same values come out, repeats as one string.</summary>
public class RepeatedTextTests
{
    private static List<string?> ReadAll(RepeatedText repeated, string jsonArray)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(jsonArray));
        var values = new List<string?>();
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.String) values.Add(repeated.Read(ref reader));
        }
        return values;
    }

    [Fact]
    public void Gives_each_value_as_sent_and_a_repeat_as_the_same_string()
    {
        var values = ReadAll(new RepeatedText(), """["available","available","error","availablf","available","avail\u0061ble","","",""" + "\"é\",\"é\"]");

        Assert.Equal(["available", "available", "error", "availablf", "available", "available", "", "", "é", "é"], values);
        Assert.Same(values[0], values[1]);
        Assert.Same(values[1], values[4]); // "error" and "availablf" came between: still remembered
        Assert.Same(values[8], values[9]);
        Assert.NotSame(values[4], values[5]); // escaped: read as sent, not compared
    }

    [Fact]
    public void Shares_values_that_alternate_among_a_few()
    {
        string[] zones = ["cn-north-4a", "cn-north-4b", "cn-north-4c", "ap-southeast-1a"];
        var json = "[" + string.Join(",", Enumerable.Range(0, 200).Select(i => $"\"{zones[i * 7 % zones.Length]}\"")) + "]";

        var values = ReadAll(new RepeatedText(), json);

        Assert.Equal(Enumerable.Range(0, 200).Select(i => zones[i * 7 % zones.Length]), values);
        // Each zone became one string, read once.
        Assert.Equal(zones.Length, values.Distinct(ReferenceEqualityComparer.Instance).Count());
    }

    [Fact]
    public void Stops_remembering_a_member_whose_values_do_not_repeat()
    {
        var repeated = new RepeatedText();
        ReadAll(repeated, "[" + string.Join(",", Enumerable.Range(0, 300).Select(i => $"\"id-{i}\"")) + "]");
        var after = ReadAll(repeated, """["x","x"]""");

        Assert.Equal(["x", "x"], after);
        Assert.NotSame(after[0], after[1]);
    }
}
