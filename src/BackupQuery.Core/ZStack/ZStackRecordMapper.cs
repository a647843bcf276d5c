using System.Text.Json;
using BackupQuery.Records;
using BackupQuery.Text;

namespace BackupQuery.ZStack;

/// <summary>Wire shapes to records. Tolerant per field: a bad date or metadata string leaves that property null.</summary>
internal sealed class ZStackRecordMapper(TimeZoneInfo serverZone, string connectionName)
{
    private readonly RecordSource _source = new(connectionName);
    private Func<string?, ZStackBackupMetadata?>? _readMetadata;

    public ZStackDatabaseBackup Map(DatabaseBackupInventory dto)
    {
        var odd = new OddValueRecorder(dto.OddValues);
        return new ZStackDatabaseBackup(_source)
        {
            Id = odd.Required(dto.Uuid, "uuid"),
            Name = dto.Name,
            Description = dto.Description,
            State = dto.State,
            Status = dto.Status,
            Size = dto.Size,
            SizeBytes = dto.Size,
            MetadataJson = dto.Metadata,
            MetadataReader = _readMetadata ??= ParseMetadata,
            CreatedAt = odd.ZStack(dto.CreateDate, serverZone, "createDate"),
            LastOpDate = odd.ZStack(dto.LastOpDate, serverZone, "lastOpDate"),
            BackupStorageRefs = RecordList.Of(dto.BackupStorageRefs, r => new ZStackBackupStorageRef
            {
                DatabaseBackupUuid = r.DatabaseBackupUuid,
                BackupStorageUuid = r.BackupStorageUuid,
                InstallPath = r.InstallPath,
                ExportUrl = r.ExportUrl,
                Status = r.Status,
                CreateDate = Timestamps.ParseZStack(r.CreateDate, serverZone),
                LastOpDate = Timestamps.ParseZStack(r.LastOpDate, serverZone),
            }, r => r.BackupStorageUuid),
            OddValues = odd.Values,
        };
    }

    private ZStackBackupMetadata? ParseMetadata(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try
        {
            var dto = JsonSerializer.Deserialize(json!, ZStackJsonContext.Default.DatabaseBackupMetadataDto);
            return dto is null ? null : new ZStackBackupMetadata
            {
                Name = dto.Name,
                Description = dto.Description,
                Version = dto.Version,
                Type = dto.Type,
                CreatedTime = Timestamps.ParseZStack(dto.CreatedTime, serverZone),
                Md5 = dto.Md5,
            };
        }
        catch (JsonException)
        {
            return null; // MetadataJson keeps the raw text.
        }
    }

    public ZStackImageStoreBackup Map(DatabaseBackupStruct dto, string host)
    {
        var odd = new OddValueRecorder(dto.OddValues);
        return new ZStackImageStoreBackup(_source)
        {
            Id = LastSegment(dto.InstallPath) ?? odd.Required(dto.Name, "name"),
            Name = dto.Name,
            Version = dto.Version,
            InstallPath = dto.InstallPath,
            Type = dto.Type,
            Size = dto.Size,
            SizeBytes = dto.Size,
            Md5 = dto.Md5,
            CreatedAt = odd.ZStack(dto.CreatedTime, serverZone, "createdTime"),
            BackupStorageHost = host,
            OddValues = odd.Values,
        };
    }

    /// <summary>The raw image shape: the management node would build the struct from it the same way (size, or virtualsize when size is 0).</summary>
    public ZStackImageStoreBackup Map(ImageStoreInfo dto, string host)
    {
        var size = dto.Size is null or 0 ? dto.VirtualSize : dto.Size;
        var odd = new OddValueRecorder(dto.OddValues);
        return new ZStackImageStoreBackup(_source)
        {
            Id = odd.Required(dto.Id, "id"),
            Name = dto.Name,
            InstallPath = dto.Name is null || dto.Id is null ? null : $"zstore://{dto.Name}/{dto.Id}",
            Size = size,
            SizeBytes = size,
            VirtualSize = dto.VirtualSize,
            CreatedAt = odd.ZStack(dto.Created, serverZone, "created"),
            Parent = dto.Parent,
            Blobsum = dto.Blobsum,
            Author = dto.Author,
            Architecture = dto.Arch,
            BackupStorageHost = host,
            OddValues = odd.Values,
        };
    }

    private static string? LastSegment(string? path)
    {
        if (string.IsNullOrEmpty(path)) return null;
        var slash = path!.LastIndexOf('/');
        return slash >= 0 && slash < path.Length - 1 ? path.Substring(slash + 1) : null;
    }
}
