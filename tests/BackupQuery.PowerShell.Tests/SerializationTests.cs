using BackupQuery.PowerShell.Tests.Support;

namespace BackupQuery.PowerShell.Tests;

/// <summary>Records through Export-Csv, ConvertTo-Json and Export-Clixml/Import-Clixml, read back in PowerShell.</summary>
public sealed class SerializationTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"bq-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (File.Exists(_file)) File.Delete(_file);
    }

    [Fact]
    public void ExportCsvWritesOneRowPerRecordWithTheCommonColumns()
    {
        using var ps = emulator.ConnectedSession();
        var expected = emulator.Server.ZStack.Backups.Skip(1).Take(20).ToList();
        var rows = ps.Run("""
            Get-ZStackDatabaseBackup -Skip 1 -First 20 | Export-Csv -LiteralPath $args[0] -NoTypeInformation
            Import-Csv -LiteralPath $args[0] | ForEach-Object { '{0}|{1}|{2}|{3}|{4}' -f $_.Uuid, $_.Name, $_.Status, $_.SizeBytes, ([DateTimeOffset]::Parse($_.CreatedAt, [cultureinfo]::InvariantCulture).UtcDateTime.ToString('s')) }
            """, _file).Succeeded().Objects.Cast<string>().ToList();
        Assert.Equal(expected.Select(b => $"{b.Uuid}|{b.Name}|{b.Status}|{b.Size}|{b.CreateDate!.Value.UtcDateTime:s}"), rows);
        var header = File.ReadLines(_file).First();
        foreach (var column in new[] { "Provider", "Service", "Id", "Name", "Status", "CreatedAt", "SizeBytes", "Connection" }) Assert.Contains($"\"{column}\"", header);
    }

    [Fact]
    public void ConvertToJsonKeepsValuesAndNestedObjects()
    {
        using var ps = emulator.ConnectedSession();
        var expected = emulator.Server.HuaweiCloud.Cbr.Backups.First(b => b.Children.Count > 0);
        var values = ps.Run("""
            $json = Get-CbrBackup -Name $args[0] | Select-Object -First 1 | ConvertTo-Json -Depth 5
            $back = $json | ConvertFrom-Json
            $back.Id; $back.VaultId; $back.Status; @($back.Children).Count; $back.Provider
            """, expected.Name).Succeeded().Objects.ToList();
        Assert.Equal(new object[] { expected.Id, expected.VaultId, expected.Status, expected.Children.Count, "HuaweiCloud" }, values.Select(v => v is int i ? (object)i : v));
    }

    [Fact]
    public void ClixmlRoundTripKeepsTheTypeNameAndValues()
    {
        using var ps = emulator.ConnectedSession();
        var expected = emulator.Server.ZStack.Backups.Skip(1).Take(5).ToList();
        var values = ps.Run("""
            Get-ZStackDatabaseBackup -Skip 1 -First 5 | Export-Clixml -LiteralPath $args[0]
            $back = Import-Clixml -LiteralPath $args[0]
            $back[0].PSObject.TypeNames[0]
            $back | ForEach-Object { '{0}|{1}|{2}' -f $_.Uuid, $_.Name, $_.SizeBytes }
            """, _file).Succeeded().Objects.Cast<string>().ToList();
        Assert.Equal("Deserialized.BackupQuery.Records.ZStackDatabaseBackup", values[0]);
        Assert.Equal(expected.Select(b => $"{b.Uuid}|{b.Name}|{b.Size}"), values.Skip(1));
    }
}
