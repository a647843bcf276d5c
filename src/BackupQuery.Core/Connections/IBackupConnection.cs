namespace BackupQuery.Connections;

/// <summary>A live, authenticated connection to one provider endpoint. Shows where and who, never a secret.</summary>
public interface IBackupConnection
{
    string Name { get; }
    string Provider { get; }
}
