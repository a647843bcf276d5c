using System.Management.Automation;
using BackupQuery.PowerShell.Tests.Support;

namespace BackupQuery.PowerShell.Tests;

/// <summary>What the cmdlets write besides records: Verbose per HTTP call, Debug with secrets masked, Warning, Progress.</summary>
public sealed class StreamTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private const string Listing = "/zstack/v1/database-backups";

    private List<Emulator.Hosting.JournalEntry> ListingRequests() =>
        emulator.Server.Requests.ForPath(Listing).Where(e => !e.Path.Contains("image-store")).ToList();

    [Fact]
    public void VerboseWritesOneLinePerHttpCallWithStatusAndItems()
    {
        using var ps = emulator.ConnectedSession();
        var result = ps.Run("Get-ZStackDatabaseBackup -PageSize 600 -Verbose | Measure-Object | ForEach-Object Count").Succeeded();
        Assert.Equal(emulator.Options.ZStackCount, Assert.Single(result.Objects));
        var calls = result.Verbose.Where(v => v.StartsWith("GET " + Listing)).ToList();
        Assert.Equal(ListingRequests().Count, calls.Count);
        Assert.Equal(4, calls.Count); // 1500 records: a first page of 100 (its total plans the rest), then pages of 600
        Assert.Equal(["100 items", "200 items", "600 items", "600 items"], calls.Select(c => System.Text.RegularExpressions.Regex.Match(c, @"\d+ items").Value).Order());
        Assert.All(calls, c => Assert.Contains("-> 200", c));
        // The path without its query (conditions may carry values a log should not).
        Assert.All(calls, c => Assert.DoesNotContain("?", c));
    }

    [Fact]
    public void WithoutVerboseNothingIsWrittenToTheVerboseStream()
    {
        using var ps = emulator.ConnectedSession();
        var result = ps.Run("Get-ZStackDatabaseBackup -First 3").Succeeded();
        Assert.Equal(3, result.Output.Count);
        Assert.Empty(result.Verbose);
        Assert.Empty(result.Debug);
    }

    [Fact]
    public void DebugCarriesTheRequestButNotTheSessionId()
    {
        using var ps = emulator.ConnectedSession();
        var result = ps.Run("Get-ZStackDatabaseBackup -First 2 -Debug").Succeeded();
        var request = Assert.Single(ListingRequests());
        var session = request.Headers["Authorization"].Split(' ').Last();
        Assert.True(session.Length >= 16, "the emulator saw a session id");
        var debug = string.Join("\n", result.Debug);
        Assert.Contains(Listing, debug);
        Assert.Contains("Authorization", debug);
        Assert.DoesNotContain(session, debug);
    }

    [Theory]
    [InlineData("$DebugPreference = 'Continue'; Get-ZStackDatabaseBackup -First 1")]
    [InlineData("& { $DebugPreference = 'Continue'; Get-CbrBackup -First 1 }")]
    [InlineData("Get-CbrBackup -First 1 -Debug")]
    public void DebugFollowsThePreferenceAScriptSetsAsWellAsTheSwitch(string script)
    {
        using var ps = emulator.ConnectedSession();
        var result = ps.Run(script).Succeeded();
        Assert.Single(result.Output);
        Assert.Contains(result.Debug, d => d.StartsWith("GET /"));
    }

    [Fact]
    public void AnUnknownRegionIsAWarningThatNamesIt()
    {
        using var ps = PowerShellSession.Start();
        var result = ps.Run($$"""
            {{emulator.ConnectHuaweiCloudScript.Replace("-Region cn-north-4", "-Region xx-mars-1 -ProjectId $args[0]")}}
            $hw.Region
            """, emulator.Server.HuaweiCloud.DataProjectId).Succeeded();
        Assert.Equal(["xx-mars-1"], result.Objects);
        var warning = Assert.Single(result.Warnings);
        Assert.Contains("'xx-mars-1'", warning);
    }

    [Fact]
    public void ProgressReportsPagesAndCompletes()
    {
        using var ps = emulator.ConnectedSession();
        var result = ps.Run("$ProgressPreference = 'Continue'; Get-ZStackDatabaseBackup -PageSize 500 | Out-Null").Succeeded();
        var progress = result.Progress;
        Assert.NotEmpty(progress);
        Assert.All(progress, p => Assert.StartsWith("Listing ZStack database backups", p.Activity));
        var running = progress.Where(p => p.RecordType == ProgressRecordType.Processing).ToList();
        Assert.Contains(running, p => p.StatusDescription.Contains($"of {emulator.Options.ZStackCount} records"));
        Assert.Equal(ProgressRecordType.Completed, progress[^1].RecordType);
        Assert.Equal(running.Select(p => p.PercentComplete).Order(), running.Select(p => p.PercentComplete));
    }

    [Fact]
    public void ProgressPreferenceSilentlyContinueKeepsTheBarQuiet()
    {
        using var ps = emulator.ConnectedSession();
        var result = ps.Run("$ProgressPreference = 'SilentlyContinue'; Get-ZStackDatabaseBackup -PageSize 500 | Out-Null").Succeeded();
        Assert.Empty(result.Progress);
    }
}
