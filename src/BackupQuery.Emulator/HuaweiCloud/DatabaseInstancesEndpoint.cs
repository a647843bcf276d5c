using System.Text.Json;
using BackupQuery.Emulator.Hosting;
using Microsoft.AspNetCore.Http;

namespace BackupQuery.Emulator.HuaweiCloud;

/// <summary>What a database instance has for the filters every ListInstances takes.</summary>
public interface IDatabaseInstance
{
    string Id { get; }
    string Name { get; }
    string DatastoreType { get; }
}

/// <summary>
/// GeminiDB and RDS ListInstances (<c>GET /v3/{project_id}/instances</c>): id/name (<c>*</c> prefix: contains),
/// datastore_type, vpc_id, subnet_id, the service's own filters, offset/limit ≤ 100, <c>{"instances", "total_count"}</c>.
/// </summary>
internal abstract class DatabaseInstancesEndpoint<T>(EmulatorOptions options, ServiceAuthenticator auth, string parameterError, string projectNotFound)
    : BackupListEndpoint(options, auth) where T : IDatabaseInstance
{
    protected abstract IReadOnlyList<T> Inventory { get; }

    protected abstract IReadOnlyCollection<string> DatastoreTypes { get; }

    /// <summary>Reads the service's own filters; null when none is given.</summary>
    protected abstract Func<T, bool>? ReadFilter(QueryReader query);

    protected abstract void Write(Utf8JsonWriter w, T instance, string region);

    protected override Task WriteErrorAsync(HttpContext context, int status, string message) =>
        HuaweiErrors.Flat(context, status, status == StatusCodes.Status404NotFound ? projectNotFound : parameterError, message);

    protected override Task ListAsync(HttpContext context, string projectId, QueryReader query, bool hasData)
    {
        var id = FuzzyName.Read(query, "id");
        var name = FuzzyName.Read(query, "name");
        var datastore = query.OneOf("datastore_type", DatastoreTypes);
        var vpc = query.String("vpc_id");
        var subnet = query.String("subnet_id");
        var own = ReadFilter(query);
        var offset = query.Int("offset", 0, 0, int.MaxValue);
        var limit = query.Int("limit", 100, 1, 100);

        Func<T, bool>? filter = id is null && name is null && datastore is null && vpc is null && subnet is null && own is null
            ? null
            : i => (id is null || id(i.Id)) && (name is null || name(i.Name)) && (datastore is null || i.DatastoreType == datastore) &&
                   (vpc is null || vpc == NetworkIds.Vpc) && (subnet is null || subnet == NetworkIds.Subnet) && (own is null || own(i));
        var source = hasData ? new ListSource<T>(Inventory) : ListSource<T>.Empty;
        var page = Pager.Run(source, filter, SortOrder<T>.Default, null, offset, limit);
        var region = Options.Projects[0].Name;
        return WriteListAsync(context, page.Items, (w, i) => Write(w, i, region), tail: w => w.WriteNumber("total_count", page.Total), arrayName: "instances");
    }
}
