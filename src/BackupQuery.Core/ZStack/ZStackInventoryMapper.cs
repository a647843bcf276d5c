using BackupQuery.Records;
using BackupQuery.Text;

namespace BackupQuery.ZStack;

/// <summary>Volume, volume backup and scheduler job inventories to records. Tolerant per field, like the backup mapper.</summary>
internal sealed class ZStackInventoryMapper(TimeZoneInfo serverZone, string connectionName)
{
    private readonly RecordSource _source = new(connectionName);

    public ZStackVolume Map(VolumeInventory dto)
    {
        var odd = new OddValueRecorder(dto.OddValues);
        return new ZStackVolume(_source)
        {
            Id = odd.Required(dto.Uuid, "uuid"),
            Name = dto.Name,
            Status = dto.Status,
            Description = dto.Description,
            Type = dto.Type,
            State = dto.State,
            VmInstanceUuid = dto.VmInstanceUuid,
            PrimaryStorageUuid = dto.PrimaryStorageUuid,
            Format = dto.Format,
            SizeBytes = dto.Size,
            ActualSizeBytes = dto.ActualSize,
            CreatedAt = odd.ZStack(dto.CreateDate, serverZone, "createDate"),
            LastOpDate = odd.ZStack(dto.LastOpDate, serverZone, "lastOpDate"),
            OddValues = odd.Values,
        };
    }

    public ZStackVolumeBackup Map(VolumeBackupInventory dto)
    {
        var odd = new OddValueRecorder(dto.OddValues);
        return new ZStackVolumeBackup(_source)
        {
            Id = odd.Required(dto.Uuid, "uuid"),
            Name = dto.Name,
            Status = dto.Status,
            VolumeUuid = dto.VolumeUuid,
            Description = dto.Description,
            Type = dto.Type,
            State = dto.State,
            Size = dto.Size,
            SizeBytes = dto.Size,
            Metadata = dto.Metadata,
            CreatedAt = odd.ZStack(dto.CreateDate, serverZone, "createDate"),
            LastOpDate = odd.ZStack(dto.LastOpDate, serverZone, "lastOpDate"),
            BackupStorageRefs = RecordList.Of(dto.BackupStorageRefs, r => new ZStackVolumeBackupStorageRef
            {
                VolumeBackupUuid = r.VolumeBackupUuid,
                BackupStorageUuid = r.BackupStorageUuid,
                InstallPath = r.InstallPath,
                Status = r.Status,
                CreateDate = Timestamps.ParseZStack(r.CreateDate, serverZone),
                LastOpDate = Timestamps.ParseZStack(r.LastOpDate, serverZone),
            }, r => r.BackupStorageUuid),
            OddValues = odd.Values,
        };
    }

    public ZStackSchedulerJob Map(SchedulerJobInventory dto)
    {
        var odd = new OddValueRecorder(dto.OddValues);
        return new ZStackSchedulerJob(_source)
        {
            Id = odd.Required(dto.Uuid, "uuid"),
            Name = dto.Name,
            Status = dto.State,
            Description = dto.Description,
            TargetResourceUuid = dto.TargetResourceUuid,
            JobClassName = dto.JobClassName,
            State = dto.State,
            CreatedAt = odd.ZStack(dto.CreateDate, serverZone, "createDate"),
            OddValues = odd.Values,
        };
    }
}
