using BackupQuery.Emulator.Hosting;
using Microsoft.AspNetCore.Builder;

namespace BackupQuery.Emulator.ZStack;

/// <summary>The ZStack half: sessions, AccessKey auth, QueryDatabaseBackup, GetDatabaseBackupFromImageStore.</summary>
public sealed class ZStackApi(EmulatorOptions options)
{
    public void Map(WebApplication app, EmulatorServer server) { }

    public void ExpireSessions() { }
}
