using BackupQuery.Emulator.Hosting;
using Microsoft.AspNetCore.Http;

namespace BackupQuery.Emulator.HuaweiCloud;

/// <summary><c>GET /cbr/v3/{project_id}/vaults</c> (ListVault): filters, offset/limit ≤ 1000, <c>count</c> of all matches.</summary>
internal sealed class CbrVaultsEndpoint(EmulatorOptions options, ServiceAuthenticator auth, CbrDataset data)
    : BackupListEndpoint(options, auth)
{
    private static readonly string[] ObjectTypes = ["server", "disk", "turbo", "workspace", "vmware", "rds", "file"];
    private static readonly string[] ProtectTypes = ["backup", "replication", "hybrid"];
    private static readonly string[] Statuses = ["available", "lock", "frozen", "deleting", "error"];

    protected override Task WriteErrorAsync(HttpContext context, int status, string message) =>
        HuaweiErrors.Flat(context, status, status == StatusCodes.Status404NotFound ? CbrBackupsEndpoint.ProjectNotFound : CbrBackupsEndpoint.ParameterError, message);

    protected override Task ListAsync(HttpContext context, string projectId, QueryReader query, bool hasData)
    {
        var limit = query.Int("limit", 1000, 1, 1000);
        var offset = query.Int("offset", 0, 0, int.MaxValue);
        var objectType = query.OneOf("object_type", ObjectTypes);
        var protectType = query.OneOf("protect_type", ProtectTypes);
        var status = query.OneOf("status", Statuses);
        query.OneOf("cloud_type", ["public", "hybrid"]);
        var policyId = query.String("policy_id");
        var name = query.String("name");
        var id = query.String("id");
        var enterpriseProject = query.String("enterprise_project_id");
        var resourceIds = query.String("resource_ids")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        Func<CbrVault, bool>? filter = objectType is null && protectType is null && status is null && policyId is null && name is null &&
                                       id is null && enterpriseProject is null && resourceIds is null
            ? null
            : v => (objectType is null || v.ObjectType == objectType) && (protectType is null or "backup") && (status is null || v.Status == status) &&
                   (policyId is null || v.PolicyId == policyId) && (name is null || v.Name == name) && (id is null || v.Id == id) &&
                   (enterpriseProject is null or "0" or "all_granted_eps") &&
                   (resourceIds is null || data.Inventory.ResourcesOf(v.Id).Any(r => resourceIds.Contains(r.Id)));
        var source = hasData ? new ListSource<CbrVault>(data.Inventory.AllVaults) : ListSource<CbrVault>.Empty;
        var page = Pager.Run(source, filter, SortOrder<CbrVault>.Default, null, offset, limit);
        return WriteListAsync(context, page.Items, (w, v) => CbrVaultJson.Write(w, v, data, projectId, withResources: true),
            tail: w =>
            {
                w.WriteNumber("count", page.Total);
                w.WriteNumber("limit", limit);
                w.WriteNumber("offset", offset);
            },
            arrayName: "vaults");
    }
}
