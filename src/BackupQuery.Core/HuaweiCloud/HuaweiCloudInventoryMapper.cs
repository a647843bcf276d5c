using BackupQuery.Records;
using BackupQuery.Text;

namespace BackupQuery.HuaweiCloud;

/// <summary>Inventory wire shapes (instances, vaults, protectables) to records, stamped with where they came from.</summary>
internal sealed class HuaweiCloudInventoryMapper(string connectionName, string region, string projectId)
{
    private const long MaxInt = int.MaxValue;
    private readonly RecordSource _source = new(connectionName, region, projectId);

    /// <summary>A GeminiDB or RDS instance (<paramref name="service"/>); GeminiDB's <c>mode</c> and RDS's <c>type</c> are its Mode.</summary>
    public DatabaseInstance Map(DatabaseInstanceDto dto, string service)
    {
        var odd = new OddValueRecorder(dto.OddValues);
        var keepDays = dto.BackupStrategy?.KeepDays;
        return new DatabaseInstance(_source)
        {
            Service = service,
            Id = odd.Required(dto.Id, "id"),
            Name = dto.Name,
            Status = dto.Status,
            Datastore = dto.Datastore is null ? null : new HuaweiCloudDatastore { Type = dto.Datastore.Type, Version = dto.Datastore.Version },
            Mode = dto.Mode ?? dto.Type,
            BackupKeepDays = keepDays is { } k && Math.Abs(k) <= MaxInt ? (int)k : null,
            BackupWindow = dto.BackupStrategy?.StartTime,
            CreatedAt = odd.Huawei(dto.Created, "created"),
            CreatedAtText = dto.Created,
            OddValues = odd.Values,
        };
    }

    public CbrVault Map(CbrVaultDto dto)
    {
        var odd = new OddValueRecorder(dto.OddValues);
        return new CbrVault(_source)
        {
            Id = odd.Required(dto.Id, "id"),
            Name = dto.Name,
            Status = dto.Billing?.Status,
            Description = dto.Description,
            ResourceType = dto.Billing?.ObjectType,
            ProtectType = dto.Billing?.ProtectType,
            SizeGB = dto.Billing?.Size,
            AllocatedGB = dto.Billing?.Allocated,
            UsedMB = dto.Billing?.Used,
            ChargingMode = dto.Billing?.ChargingMode,
            ProviderId = dto.ProviderId,
            EnterpriseProjectId = dto.EnterpriseProjectId,
            AutoBind = dto.AutoBind,
            CreatedAt = odd.Huawei(dto.CreatedAt, "created_at"),
            CreatedAtText = dto.CreatedAt,
            Resources = RecordList.Of(dto.Resources, r => new CbrVaultResource
            {
                Id = r.Id,
                Name = r.Name,
                Type = r.Type,
                ProtectStatus = r.ProtectStatus,
                SizeGB = r.Size,
                BackupSize = r.BackupSize,
                BackupCount = r.BackupCount,
            }),
            OddValues = odd.Values,
        };
    }

    public CbrProtectable Map(CbrProtectableDto dto)
    {
        var odd = new OddValueRecorder(dto.OddValues);
        var vault = dto.Protectable?.Vault;
        return new CbrProtectable(_source)
        {
            Id = odd.Required(dto.Id, "id"),
            Name = dto.Name,
            Status = dto.Status,
            ResourceType = dto.Type,
            SizeGB = dto.Size,
            CanBackup = dto.Protectable?.Result,
            ReasonCode = dto.Protectable?.Code,
            Reason = dto.Protectable?.Reason,
            VaultId = string.IsNullOrEmpty(vault?.Id) ? null : vault!.Id,
            VaultName = vault?.Name,
            OddValues = odd.Values,
        };
    }
}
