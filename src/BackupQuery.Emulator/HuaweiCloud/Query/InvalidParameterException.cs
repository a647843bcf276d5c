namespace BackupQuery.Emulator.HuaweiCloud;

/// <summary>A query parameter the service rejects; each endpoint turns it into its own error body.</summary>
internal sealed class InvalidParameterException(string message) : Exception(message);
