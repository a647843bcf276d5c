using System.Management.Automation;
using BackupQuery.PowerShell.Tests.Support;

namespace BackupQuery.PowerShell.Tests;

/// <summary>
/// Under a host that can prompt (as a console can), no parameter combination makes PowerShell ask for a switch or a mode:
/// the command works or fails with an error that names what to add. The host refuses and records every prompt.
/// </summary>
public sealed class PromptTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Theory]
    [InlineData("-SortBy name", "name", null)]
    [InlineData("-SortBy size -Descending:$false", "size", "asc")]
    [InlineData("-Descending", null, "desc")]
    public void VbsSortImpliesTheDetailListingWithoutAPrompt(string parameters, string? sortKey, string? sortDir)
    {
        var host = new PromptRecordingHost();
        using var ps = emulator.ConnectedSession(host);
        var records = ps.Run($"Get-VbsBackup {parameters} -First 30").Succeeded().Output;

        Assert.Empty(host.Prompts);
        Assert.Equal(30, records.Count);
        // The detail API was asked, with the sort as given, and every record carries the detail fields.
        var sent = emulator.Server.Requests.ForPath("/vbs/").Select(e => (e.Path, Query: Query.Parse(e.RawQuery))).ToList();
        Assert.NotEmpty(sent);
        Assert.All(sent, r => Assert.EndsWith("/backups/detail", r.Path));
        Assert.All(sent, r => Assert.Equal(sortKey, r.Query.GetValueOrDefault("sort_key")));
        Assert.All(sent, r => Assert.Equal(sortDir, r.Query.GetValueOrDefault("sort_dir")));
        var statuses = emulator.Server.HuaweiCloud.Vbs.Backups.ToDictionary(b => b.Id, b => b.Status);
        Assert.All(records, r => Assert.Equal(statuses[(string)r.Properties["Id"].Value], r.Properties["Status"].Value));
    }

    [Fact]
    public void VbsSortWithDetailedFalseSaysToDropIt()
    {
        var host = new PromptRecordingHost();
        using var ps = emulator.ConnectedSession(host);
        var result = ps.Run("Get-VbsBackup -Detailed:$false -SortBy name -First 3");
        Assert.Empty(host.Prompts);
        Assert.Empty(result.Output);
        var error = result.FirstError!;
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("add -Detailed", error.ToString());
        Assert.Empty(emulator.Server.Requests.ForPath("/vbs/"));
    }

    [Fact]
    public void RdsStatusOnGeminiDbNamesTheServiceThatTakesItWithoutAPrompt()
    {
        var host = new PromptRecordingHost();
        using var ps = emulator.ConnectedSession(host);
        var result = ps.Run("Get-RdsBackup -Status COMPLETED");

        Assert.Empty(host.Prompts);
        Assert.Empty(result.Output);
        var error = result.FirstError!;
        Assert.Equal("BackupQuery.InvalidArgument", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("-Service RDS -InstanceId", error.ToString());
        Assert.Contains("GeminiDB's API has no status filter", error.ToString());
        Assert.Empty(emulator.Server.Requests.Entries);
    }

    [Fact]
    public void RdsStatusWithTheRdsServiceFiltersOnTheServer()
    {
        var host = new PromptRecordingHost();
        using var ps = emulator.ConnectedSession(host);
        var instance = emulator.Server.HuaweiCloud.Rds.Backups.GroupBy(b => b.InstanceId).OrderByDescending(g => g.Count()).First();
        var ids = ps.Run("Get-RdsBackup -Service RDS -InstanceId $args[0] -Status completed | ForEach-Object Id", instance.Key).Succeeded().Objects;

        Assert.Empty(host.Prompts);
        Assert.Equal(instance.Where(b => b.Status == "COMPLETED").Select(b => b.Id).Order(), ids.Cast<string>().Order());
        Assert.All(emulator.Server.Requests.ForPath("/rds/"), e => Assert.Equal("COMPLETED", Query.Parse(e.RawQuery)["status"]));
    }
}
