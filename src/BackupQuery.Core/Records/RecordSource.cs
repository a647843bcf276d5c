namespace BackupQuery.Records;

/// <summary>Where records were read: the connection, and for Huawei Cloud the region and project. Every record is
/// stamped with it by its base constructor.</summary>
internal sealed record RecordSource(string Connection, string Region = "", string ProjectId = "");
