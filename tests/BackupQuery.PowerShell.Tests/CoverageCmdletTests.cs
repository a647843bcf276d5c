using System.Management.Automation;
using BackupQuery.Emulator.Coverage;
using BackupQuery.PowerShell.Tests.Support;

namespace BackupQuery.PowerShell.Tests;

/// <summary>
/// Get-BackupCoverage in a real runspace: -MaxAge as typed (36h, 2d unquoted, 90m, a bare number), names of both
/// providers for -Connection, Tab on -Service and -Status, CSV cells, and one run across a ZStack and two Huawei regions.
/// </summary>
public sealed class CoverageCmdletTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private string SecondRegionScript => emulator.ConnectHuaweiCloudScript
        .Replace("-Region cn-north-4", "-Region cn-east-3").Replace("-Name hw", "-Name hw-east").Replace("$hw =", "$hwEast =");

    [Theory]
    [InlineData("-MaxAge 36h", 36 * 60)]
    [InlineData("-MaxAge 2d", 2 * 1440)]       // unquoted: PowerShell's decimal 2
    [InlineData("-MaxAge 90m", 90)]
    [InlineData("-MaxAge 3", 3 * 1440)]
    [InlineData("-MaxAge '1.5d'", 36 * 60)]
    [InlineData("-MaxAge ([timespan]'06:00:00')", 6 * 60)]
    [InlineData("36h", 36 * 60)]               // positional
    [InlineData("", 24 * 60)]                  // default: one day
    public void MaxAge_binds_the_short_forms_and_reaches_every_record(string argument, int minutes)
    {
        using var ps = emulator.ConnectedSession();
        var ages = ps.Run($"Get-BackupCoverage {argument} -Service ZStackDatabase, GeminiDB | ForEach-Object MaxAge | Sort-Object -Unique").Succeeded().Objects.ToList();
        Assert.Equal([TimeSpan.FromMinutes(minutes)], ages);
    }

    [Theory]
    [InlineData("30s")]
    [InlineData("'soon'")]
    [InlineData("0")]
    public void MaxAge_refuses_what_is_not_a_duration_before_any_request(string argument)
    {
        using var ps = emulator.ConnectedSession();
        var result = ps.Run($"Get-BackupCoverage -MaxAge {argument}");
        var error = Assert.IsType<ParameterBindingException>(result.FirstError?.Exception, exactMatch: false);
        Assert.Contains("MaxAge", error.Message);
        Assert.Empty(emulator.Server.Requests.Entries);
    }

    [Fact]
    public void Connection_takes_names_of_both_providers_and_stamps_each_record()
    {
        using var ps = emulator.ConnectedSession();
        var rows = ps.Run("Get-BackupCoverage -Connection zs, 'h*' -Service ZStackDatabase, GeminiDB | ForEach-Object { '{0}|{1}' -f $_.Connection, $_.Service }")
            .Succeeded().Objects.Cast<string>().Distinct().Order().ToList();
        Assert.Equal(["hw|GeminiDB", "zs|ZStackDatabase"], rows);

        var unknown = ps.Run("Get-BackupCoverage -Connection nosuch");
        Assert.Contains("no connection named 'nosuch'", unknown.FirstError!.Exception.Message);
        Assert.Contains("Connect-ZStack", unknown.FirstError.Exception.Message);
        Assert.Contains("Connect-HuaweiCloud", unknown.FirstError.Exception.Message);
    }

    [Fact]
    public void Without_a_connection_the_error_names_both_connect_cmdlets()
    {
        using var ps = PowerShellSession.Start();
        var error = ps.Run("Get-BackupCoverage").FirstError!;
        Assert.Equal("BackupQuery.NotConnected,BackupQuery.PowerShell.Coverage.GetBackupCoverageCommand", error.FullyQualifiedErrorId);
        Assert.Contains("Connect-ZStack or Connect-HuaweiCloud", error.Exception.Message);
    }

    [Theory]
    [InlineData("-Service ", new[] { "ZStackVolume", "ZStackDatabase", "GeminiDB", "RDS", "CBR" })]
    [InlineData("-Service Z", new[] { "ZStackVolume", "ZStackDatabase" })]
    [InlineData("-Status ", new[] { "Protected", "Failing", "Stale", "Unprotected" })]
    [InlineData("-Status U", new[] { "Unprotected" })]
    public void Service_and_status_complete_on_tab(string typed, string[] expected)
    {
        using var ps = PowerShellSession.Start();
        var line = "Get-BackupCoverage " + typed;
        var completions = ps.Run("(TabExpansion2 -inputScript $args[0] -cursorColumn $args[0].Length).CompletionMatches.CompletionText", line).Succeeded().Objects.Cast<string>();
        Assert.Equal(expected.Order(), completions.Order());
    }

    [Fact]
    public void Status_filters_and_the_fixtures_come_out_as_the_emulator_defines_them()
    {
        using var ps = emulator.ConnectedSession();
        var rows = ps.Run("Get-BackupCoverage -Service GeminiDB -Status Unprotected, Failing | ForEach-Object { '{0}|{1}' -f $_.ResourceName, $_.Status }")
            .Succeeded().Objects.Cast<string>().ToHashSet();
        foreach (var fixture in CoverageFixtures.For(CoverageFixtures.GeminiDb))
        {
            var expected = fixture.ExpectedStatus(TimeSpan.FromDays(1));
            Assert.Equal(expected is "Unprotected" or "Failing", rows.Contains($"{fixture.ResourceName}|{expected}"));
        }
        Assert.All(rows, r => Assert.Matches(@"\|(Unprotected|Failing)$", r));
    }

    [Fact]
    public void Csv_cells_are_scalars_the_status_is_its_name_and_dates_read_back()
    {
        using var ps = emulator.ConnectedSession();
        var file = Path.Combine(Path.GetTempPath(), $"coverage-{Guid.NewGuid():N}.csv");
        try
        {
            ps.Run("Get-BackupCoverage | Export-Csv -LiteralPath $args[0] -NoTypeInformation", file).Succeeded();
            var rows = ps.Run("Import-Csv -LiteralPath $args[0]", file).Succeeded().Output;
            Assert.NotEmpty(rows);
            foreach (var cell in rows.SelectMany(r => r.Properties))
            {
                Assert.DoesNotMatch(@"\b(System|BackupQuery)\.[A-Z]", cell.Value?.ToString() ?? "");
            }
            var fixture = CoverageFixtures.Named("cov-rds-recent-success");
            var row = rows.Single(r => (string)r.Properties["ResourceId"].Value == fixture.ResourceId);
            Assert.Equal("Protected", row.Properties["Status"].Value);
            Assert.Equal(fixture.ProtectedBy, row.Properties["ProtectedBy"].Value);
            var lastSuccess = DateTimeOffset.Parse((string)row.Properties["LastSuccessAt"].Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(fixture.LastSuccessAt(emulator.Server.StartedAt), lastSuccess);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void One_run_covers_a_zstack_and_two_huawei_regions_each_stamped_with_its_source()
    {
        using var ps = emulator.ConnectedSession();
        ps.Run(SecondRegionScript).Succeeded();
        var rows = ps.Run("Get-BackupCoverage | ForEach-Object { '{0}|{1}|{2}' -f $_.Connection, $_.Region, $_.Service }")
            .Succeeded().Objects.Cast<string>().GroupBy(r => r).ToDictionary(g => g.Key, g => g.Count());

        var huawei = emulator.Server.HuaweiCloud;
        Assert.Equal(emulator.Server.ZStack.Volumes.Volumes.Count, rows["zs||ZStackVolume"]);
        Assert.Equal(1, rows["zs||ZStackDatabase"]);
        Assert.Equal(huawei.GeminiDb.Inventory.Count, rows["hw|cn-north-4|GeminiDB"]);
        Assert.Equal(huawei.Rds.Inventory.Count, rows["hw|cn-north-4|RDS"]);
        Assert.True(rows["hw|cn-north-4|CBR"] >= CoverageFixtures.For(CoverageFixtures.Cbr).Count);
        // The second region's project holds no data in the emulator: its services are covered, with nothing to report.
        Assert.DoesNotContain(rows.Keys, k => k.StartsWith("hw-east|", StringComparison.Ordinal));
        var requests = emulator.Server.Requests.Entries;
        var eastProject = emulator.Options.Projects[1].Id;
        foreach (var api in new[] { "/gaussdb-nosql/v3/" + eastProject + "/instances", "/rds/v3/" + eastProject + "/instances", "/cbr/v3/" + eastProject + "/vaults" })
        {
            Assert.Single(requests, e => e.Path == api);
        }
    }
}
