using System.Text.Json;

namespace BackupQuery.Bench;

/// <summary>
/// The baseline: how a quick script-style client lists ZStack backups — one page at a time, each reply read as a
/// whole string into a JsonDocument, every page collected before anything is returned (no streaming, no fetch-ahead).
/// </summary>
internal static class NaiveZStackLister
{
    public static async Task<List<Dictionary<string, object?>>> ListAsync(HttpClient http, Uri zstack, string session, Action onFirst)
    {
        var all = new List<Dictionary<string, object?>>();
        var start = 0;
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(zstack, $"zstack/v1/database-backups?start={start}&limit=1000&replyWithCount=true"));
            request.Headers.TryAddWithoutValidation("Authorization", "OAuth " + session);
            using var reply = await http.SendAsync(request);
            var text = await reply.Content.ReadAsStringAsync();
            using var document = JsonDocument.Parse(text);
            var inventories = document.RootElement.GetProperty("inventories");
            foreach (var item in inventories.EnumerateArray())
            {
                var record = new Dictionary<string, object?>();
                foreach (var property in item.EnumerateObject()) record[property.Name] = property.Value.ToString();
                all.Add(record);
            }
            var total = document.RootElement.GetProperty("total").GetInt64();
            start += inventories.GetArrayLength();
            if (inventories.GetArrayLength() == 0 || start >= total) break;
        }
        // Only now does the caller see anything: the whole inventory was buffered first.
        if (all.Count > 0) onFirst();
        return all;
    }
}
