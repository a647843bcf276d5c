using System.Text.Json;
using BackupQuery.Emulator.Hosting;
using Microsoft.AspNetCore.Http;

namespace BackupQuery.Emulator.HuaweiCloud;

/// <summary>
/// What every listing (backups and inventories) shares: gateway authentication, the service's own replies to an unknown
/// project and to bad parameters, and streaming the page. Data lives under the first configured project; the others list nothing.
/// </summary>
internal abstract class BackupListEndpoint(EmulatorOptions options, ServiceAuthenticator auth)
{
    protected EmulatorOptions Options => options;

    public async Task HandleAsync(HttpContext context, string projectId)
    {
        if (!await auth.AuthorizeAsync(context, projectId, (c, p) => WriteErrorAsync(c, StatusCodes.Status404NotFound, $"The project {p} does not exist.")))
            return;
        try
        {
            var hasData = options.Projects.Count > 0 && options.Projects[0].Id == projectId;
            await ListAsync(context, projectId, new QueryReader(context.Request.Query), hasData);
        }
        catch (InvalidParameterException e)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, e.Message);
        }
    }

    /// <summary>Validate everything before writing: an <see cref="InvalidParameterException"/> becomes a 400.</summary>
    protected abstract Task ListAsync(HttpContext context, string projectId, QueryReader query, bool hasData);

    protected abstract Task WriteErrorAsync(HttpContext context, int status, string message);

    /// <summary>Writes <c>{ head..., "backups": [...], tail... }</c> (or another array name), flushing as the buffer fills.</summary>
    protected static async Task WriteListAsync<T>(HttpContext context, IReadOnlyList<T> items, Action<Utf8JsonWriter, T> writeItem,
        Action<Utf8JsonWriter>? head = null, Action<Utf8JsonWriter>? tail = null, string arrayName = "backups")
    {
        await using var writer = HuaweiJson.Begin(context, StatusCodes.Status200OK);
        writer.WriteStartObject();
        head?.Invoke(writer);
        writer.WriteStartArray(arrayName);
        foreach (var item in items)
        {
            writeItem(writer, item);
            await HuaweiJson.FlushIfFullAsync(writer, context.RequestAborted);
        }
        writer.WriteEndArray();
        tail?.Invoke(writer);
        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted);
    }
}
