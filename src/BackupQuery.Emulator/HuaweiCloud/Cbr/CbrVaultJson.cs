using System.Text.Json;

namespace BackupQuery.Emulator.HuaweiCloud;

/// <summary>
/// A vault on the wire, as ListVaults lists it and as a protectable's <c>protectable.vault</c> names it. Units (see
/// docs/api_facts.md): <c>size</c> and <c>allocated</c> GB, <c>used</c> MB, a resource's <c>size</c> GB and <c>backup_size</c> MB.
/// </summary>
internal static class CbrVaultJson
{
    /// <param name="withResources">False inside a protectable: its resources are left out to keep pages linear.</param>
    public static void Write(Utf8JsonWriter w, CbrVault v, CbrDataset data, string projectId, bool withResources)
    {
        var resources = data.Inventory.ResourcesOf(v.Id).ToList();
        long usedMb = 0;
        foreach (var r in resources) usedMb += data.PerResource.GetValueOrDefault(r.Id)?.StoredMb ?? 0;

        w.WriteStartObject();
        w.WriteStartObject("billing");
        w.WriteNumber("allocated", resources.Sum(r => r.SizeGb));
        w.WriteString("charging_mode", "post_paid");
        w.WriteString("cloud_type", "public");
        w.WriteString("consistent_level", "crash_consistent");
        w.WriteString("object_type", v.ObjectType);
        w.WriteString("protect_type", "backup");
        w.WriteNumber("size", v.SizeGb);
        w.WriteString("spec_code", v.ObjectType == "disk" ? "vault.backup.volume.normal" : "vault.backup.server.normal");
        w.WriteString("status", v.Status);
        w.WriteNumber("used", usedMb);
        w.WriteEndObject();
        w.WriteString("description", "");
        w.WriteString("id", v.Id);
        w.WriteString("name", v.Name);
        w.WriteString("project_id", projectId);
        w.WriteString("provider_id", v.ProviderId);
        if (withResources)
        {
            w.WriteStartArray("resources");
            foreach (var r in resources)
            {
                var backups = data.PerResource.GetValueOrDefault(r.Id);
                w.WriteStartObject();
                w.WriteString("id", r.Id);
                w.WriteString("name", r.Name);
                w.WriteString("protect_status", "available");
                w.WriteNumber("size", r.SizeGb);
                w.WriteString("type", r.Type);
                w.WriteNumber("backup_size", backups?.StoredMb ?? 0);
                w.WriteNumber("backup_count", backups?.Count ?? 0);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("tags");
            w.WriteEndArray();
        }
        w.WriteString("enterprise_project_id", "0");
        w.WriteBoolean("auto_bind", false);
        w.WriteBoolean("auto_expand", false);
        w.WriteString("created_at", HuaweiJson.ZonelessTime(v.CreatedAt));
        w.WriteEndObject();
    }
}
