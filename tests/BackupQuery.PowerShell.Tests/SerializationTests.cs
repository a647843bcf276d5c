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

    public static TheoryData<string> RecordKinds() => new(EmulatorFixture.RecordKinds);

    [Theory]
    [MemberData(nameof(RecordKinds))]
    public void EveryRecordTypeExportsToCsvAsReadableScalars(string kind)
    {
        using var ps = emulator.ConnectedSession();
        ps.Run($"{emulator.ListingScript(kind)} | Export-Csv -LiteralPath $args[0] -NoTypeInformation", _file).Succeeded();
        var rows = ps.Run("Import-Csv -LiteralPath $args[0]", _file).Succeeded().Output;
        Assert.NotEmpty(rows);
        foreach (var row in rows)
        {
            foreach (var cell in row.Properties)
            {
                var text = cell.Value?.ToString() ?? "";
                Assert.False(System.Text.RegularExpressions.Regex.IsMatch(text, @"\b(System|BackupQuery)\.[A-Z]"), $"{kind}: column {cell.Name} holds a type name: '{text}'");
            }
        }
    }

    [Fact]
    public void CbrNestedListsExportAsTheirIds()
    {
        using var ps = emulator.ConnectedSession();
        var parent = emulator.Server.HuaweiCloud.Cbr.Backups.First(b => b.Children.Count > 1);
        var cells = ps.Run("""
            Get-CbrBackup -Name $args[1] | Select-Object -First 1 | Export-Csv -LiteralPath $args[0] -NoTypeInformation
            $row = Import-Csv -LiteralPath $args[0]
            $row.Children; $row.ChildCount; $row.ExtendInfo
            """, _file, parent.Name).Succeeded().Objects.Cast<string>().ToList();
        Assert.Equal(string.Join("; ", parent.Children.Select(c => c.Id)), cells[0]);
        Assert.Equal(parent.Children.Count.ToString(), cells[1]);
        Assert.DoesNotContain("ExtendInfo", cells[2]);
    }

    [Fact]
    public void GeminiDbDatabaseTablesExportAsDatabasesWithTheirTables()
    {
        using var ps = emulator.ConnectedSession();
        // Every GeminiDB backup of a table-level policy: whole databases (no table list) and databases with tables.
        var tableLevel = emulator.Server.HuaweiCloud.GeminiDb.Backups.Where(b => b.DatabaseTables is { Count: > 0 }).ToList();
        Assert.Contains(tableLevel, b => b.DatabaseTables!.Any(t => t.TableNames is { Count: > 1 }));
        Assert.Contains(tableLevel, b => b.DatabaseTables!.Any(t => t.TableNames is null));
        var rows = ps.Run("""
            Get-RdsBackup -Type DatabaseTable | Export-Csv -LiteralPath $args[0] -NoTypeInformation
            Import-Csv -LiteralPath $args[0] | ForEach-Object { '{0}|{1}' -f $_.Id, $_.DatabaseTables }
            """, _file).Succeeded().Objects.Cast<string>().ToList();

        // A database alone, or a database and its tables: "keyspace_1(table_1,table_2); keyspace_2".
        static string Text(BackupQuery.Emulator.HuaweiCloud.GeminiDbDatabaseTable t) => t.TableNames is null ? t.DatabaseName : $"{t.DatabaseName}({string.Join(",", t.TableNames)})";
        Assert.Equal(tableLevel.Select(b => $"{b.Id}|{string.Join("; ", b.DatabaseTables!.Select(Text))}"), rows);
    }

    [Theory]
    [MemberData(nameof(RecordKinds))]
    public void DeserializedRecordsKeepTheirViewsAndTheirDates(string kind)
    {
        using var ps = emulator.ConnectedSession();
        var result = ps.Run($$"""
            $live = @({{emulator.ListingScript(kind)}})
            $live | Export-Clixml -LiteralPath $args[0]
            $back = @(Import-Clixml -LiteralPath $args[0])
            $back[0].PSObject.TypeNames[0]
            ($live | Out-String -Width 80) -eq ($back | Out-String -Width 80)
            ($live | Format-List | Out-String -Width 80) -eq ($back | Format-List | Out-String -Width 80)
            if ($null -ne $back[0].CreatedAt) { $back[0].CreatedAt.GetType().Name; $back[0].CreatedAt -eq $live[0].CreatedAt } else { 'no date'; $true }
            """, _file).Succeeded().Objects.ToList();
        Assert.StartsWith("Deserialized.BackupQuery.Records.", (string)result[0]);
        Assert.True((bool)result[1], "the table of the deserialized records differs from the live one");
        Assert.True((bool)result[2], "the list of the deserialized records differs from the live one");
        Assert.Contains((string)result[3], new[] { "DateTimeOffset", "no date" });
        Assert.True((bool)result[4]);
    }

    [Theory]
    [MemberData(nameof(RecordKinds))]
    public void TheListViewFitsAndShowsTheKeyFields(string kind)
    {
        using var ps = emulator.ConnectedSession();
        var text = ps.Run($"{emulator.ListingScript(kind)} | Select-Object -First 3 | Format-List | Out-String -Width 80").Succeeded().Text;
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.All(lines, l => Assert.True(l.Length <= 80, $"a line is {l.Length} wide: '{l}'"));
        Assert.DoesNotContain("…", text);
        Assert.Contains(lines, l => l.StartsWith("Name "));
        Assert.Contains(lines, l => l.StartsWith("Connection "));
    }
}
