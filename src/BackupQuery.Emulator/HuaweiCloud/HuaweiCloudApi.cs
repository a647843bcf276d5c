using BackupQuery.Emulator.Hosting;
using Microsoft.AspNetCore.Builder;

namespace BackupQuery.Emulator.HuaweiCloud;

/// <summary>The Huawei Cloud half: IAM, AK/SK verification, GeminiDB, RDS, VBS and CBR backups.</summary>
public sealed class HuaweiCloudApi(EmulatorOptions options)
{
    public void Map(WebApplication app, EmulatorServer server) { }

    public void ExpireTokens() { }
}
