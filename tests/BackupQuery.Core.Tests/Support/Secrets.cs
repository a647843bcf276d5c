using System.Text.Json;

namespace BackupQuery.Core.Tests.Support;

/// <summary>Everything a user could see of an object: ToString, every public property (as Format-List * shows them) and its JSON.</summary>
public static class Secrets
{
    public static string Visible(object value)
    {
        var parts = new List<string> { value.ToString() ?? "" };
        foreach (var property in value.GetType().GetProperties())
        {
            if (property.GetIndexParameters().Length > 0) continue;
            parts.Add(property.Name + "=" + Convert.ToString(property.GetValue(value), System.Globalization.CultureInfo.InvariantCulture));
        }
        try
        {
            parts.Add(JsonSerializer.Serialize(value, value.GetType(), new JsonSerializerOptions { MaxDepth = 8 }));
        }
        catch (Exception e) when (e is NotSupportedException or JsonException or InvalidOperationException)
        {
            // Types that refuse serialisation show nothing through it.
        }
        return string.Join("\n", parts);
    }
}
