using System.Management.Automation;
using BackupQuery.PowerShell.Tests.Support;

namespace BackupQuery.PowerShell.Tests;

/// <summary>
/// -Name wildcards on APIs that match names exactly (CBR, VBS): matched by the module as WildcardPattern does, every other
/// filter still sent, -Skip and -First counting the matches; never an empty answer for a pattern that has matches.
/// </summary>
public sealed class WildcardTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private static List<string> Matching(IEnumerable<(string Id, string? Name)> records, string pattern)
    {
        var wildcard = new WildcardPattern(pattern, WildcardOptions.IgnoreCase);
        return records.Where(r => r.Name is not null && wildcard.IsMatch(r.Name)).Select(r => r.Id).ToList();
    }

    [Theory]
    [InlineData("autobk_7234*")]
    [InlineData("AUTOBK_????_00[0-1]?")]
    [InlineData("manualbk_*")]
    public void CbrNamePatternsAreMatchedByTheModule(string pattern)
    {
        using var ps = emulator.ConnectedSession();
        var expected = Matching(emulator.Server.HuaweiCloud.Cbr.Backups.Select(b => (b.Id, (string?)b.Name)), pattern);
        Assert.NotEmpty(expected);

        var ids = ps.Run("Get-CbrBackup -Name $args[0] | ForEach-Object Id", pattern).Succeeded().Objects;
        Assert.Equal(expected, ids);
        // The API matches names exactly: no name reaches it.
        Assert.All(emulator.Server.Requests.ForPath("/cbr/"), e => Assert.DoesNotContain("name", Query.Parse(e.RawQuery).Keys));
    }

    [Fact]
    public void CbrSkipAndFirstCountTheMatchesAndOtherFiltersStillReachTheServer()
    {
        using var ps = emulator.ConnectedSession();
        var expected = Matching(emulator.Server.HuaweiCloud.Cbr.Backups.Where(b => b.Status == "available").Select(b => (b.Id, (string?)b.Name)), "autobk_*");
        Assert.True(expected.Count > 6);

        var ids = ps.Run("Get-CbrBackup -Name 'autobk_*' -Status available -Skip 2 -First 3 | ForEach-Object Id").Succeeded().Objects;
        Assert.Equal(expected.Skip(2).Take(3), ids);
        Assert.All(emulator.Server.Requests.ForPath("/cbr/"), e => Assert.Equal("available", Query.Parse(e.RawQuery)["status"]));
    }

    [Theory]
    [InlineData("manual-*", false)]
    [InlineData("vbs-volume-000[1-3]-*", true)]
    public void VbsNamePatternsAreMatchedByTheModule(string pattern, bool detailed)
    {
        using var ps = emulator.ConnectedSession();
        var expected = Matching(emulator.Server.HuaweiCloud.Vbs.Backups.Select(b => (b.Id, b.Name)), pattern);
        Assert.NotEmpty(expected);

        var ids = ps.Run($"Get-VbsBackup -Name $args[0] -Detailed:${detailed.ToString().ToLowerInvariant()} | ForEach-Object Id", pattern).Succeeded().Objects;
        Assert.Equal(expected, ids);
        Assert.All(emulator.Server.Requests.ForPath("/vbs/"), e => Assert.DoesNotContain("name", Query.Parse(e.RawQuery).Keys));
    }

    [Fact]
    public void AnEscapedWildcardIsAnExactNameForTheServer()
    {
        using var ps = emulator.ConnectedSession();
        var result = ps.Run("Get-CbrBackup -Name 'autobk`*' -First 1").Succeeded();
        Assert.Empty(result.Output);
        var sent = Assert.Single(emulator.Server.Requests.ForPath("/cbr/"));
        Assert.Equal("autobk*", Query.Parse(sent.RawQuery)["name"]);
    }

    [Fact]
    public void AnUnclosedSetIsRefusedBeforeAnyRequest()
    {
        using var ps = emulator.ConnectedSession();
        var error = ps.Run("Get-CbrBackup -Name 'autobk[0-9'").FirstError!;
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("[set]", error.ToString());
        Assert.Empty(emulator.Server.Requests.ForPath("/cbr/"));
    }
}
