using BackupQuery.Emulator.Hosting;
using BackupQuery.PowerShell.Tests.Support;

namespace BackupQuery.PowerShell.Tests;

/// <summary>One odd record in a listing: every record is written, and the Warning stream carries one warning naming it.</summary>
public sealed class OddRecordWarningTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    public static TheoryData<string, string> Listings => new()
    {
        { "zstack", "/zstack/v1/database-backups" },
        { "geminidb", "/gaussdb-nosql/" },
        { "rds", "/rds/" },
        { "vbs-detailed", "/vbs/" },
        { "cbr", "/cbr/" },
    };

    [Theory]
    [MemberData(nameof(Listings))]
    public void The_warning_stream_carries_one_warning_and_the_output_is_complete(string kind, string path)
    {
        using var ps = emulator.ConnectedSession();
        var clean = ps.Run($"{emulator.ListingScript(kind)} | ForEach-Object Id").Succeeded();
        Assert.Empty(clean.Warnings);

        emulator.Server.Faults.Clear();
        emulator.Server.Faults.Add(new FaultRule(path, FaultKind.OddRecord) { OddRecord = OddRecordKind.Size });
        var odd = ps.Run($"{emulator.ListingScript(kind)} | ForEach-Object Id").Succeeded();
        emulator.Server.Faults.Clear();

        Assert.Equal(clean.Objects, odd.Objects);
        var warning = Assert.Single(odd.Warnings);
        Assert.Matches($"^1 record had a value this module could not read and shows as null: record '{clean.Objects.ElementAt(1)}' field '(size|resource_size)' = \"n/a\"\\.$", warning);
    }

    [Fact]
    public void WarningAction_Stop_stops_after_the_records_with_the_warning_as_the_error()
    {
        using var ps = emulator.ConnectedSession();
        emulator.Server.Faults.Clear();
        emulator.Server.Faults.Add(new FaultRule("/cbr/", FaultKind.OddRecord) { OddRecord = OddRecordKind.Date });
        var result = ps.Run("""
            $got = [System.Collections.Generic.List[object]]::new()
            try { Get-CbrBackup -First 40 -WarningAction Stop | ForEach-Object { $got.Add($_) } } catch { $caught = $_ }
            $got.Count
            $caught.FullyQualifiedErrorId
            $caught.Exception.Message
            """);
        emulator.Server.Faults.Clear();

        Assert.Equal(40, result.Objects.First());
        Assert.Contains("ActionPreferenceStop", (string)result.Objects.ElementAt(1));
        Assert.Contains("field 'created_at' = \"not-a-date\"", (string)result.Objects.ElementAt(2));
    }

    [Fact]
    public void WarningAction_SilentlyContinue_hides_it_and_the_records_still_come()
    {
        using var ps = emulator.ConnectedSession();
        emulator.Server.Faults.Clear();
        emulator.Server.Faults.Add(new FaultRule("/zstack/v1/database-backups", FaultKind.OddRecord) { OddRecord = OddRecordKind.Object });
        var result = ps.Run("Get-ZStackDatabaseBackup -First 40 -WarningAction SilentlyContinue | Where-Object { $null -eq $_.Name } | ForEach-Object Id").Succeeded();
        emulator.Server.Faults.Clear();

        Assert.Single(result.Objects);
        Assert.Empty(result.Warnings);
    }
}
