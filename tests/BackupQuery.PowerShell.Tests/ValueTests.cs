using System.Management.Automation;
using System.Text.RegularExpressions;
using BackupQuery.PowerShell.Tests.Support;

namespace BackupQuery.PowerShell.Tests;

/// <summary>Values the module already knows: any case in, the documented spelling out; offsets no API can address.</summary>
public sealed class ValueTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private const string ZStackListing = "/zstack/v1/database-backups";

    [Fact]
    public void ZStackStatusAndStateInAnyCaseAreSentInTheDocumentedSpelling()
    {
        using var ps = emulator.ConnectedSession();
        var uuids = ps.Run("Get-ZStackDatabaseBackup -Status ready, CREATING -State disabled -SortBy createdate | ForEach-Object Uuid").Succeeded().Objects;

        var expected = emulator.Server.ZStack.Backups.Where(b => b.Status is "Ready" or "Creating" && b.State == "Disabled")
            .OrderBy(b => b.CreateDate).Select(b => b.Uuid).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, uuids);
        var query = emulator.Server.Requests.ForPath(ZStackListing).Select(e => Uri.UnescapeDataString(e.RawQuery)).First();
        Assert.Contains("status?=Ready,Creating", query);
        Assert.Contains("state=Disabled", query);
        Assert.Contains("sort=+createDate", query);
    }

    [Fact]
    public void ZStackVolumeAndVolumeBackupFiltersInAnyCaseAreSentInTheDocumentedSpelling()
    {
        using var ps = emulator.ConnectedSession();
        var volumes = ps.Run("Get-ZStackVolume -State enabled -Status READY | ForEach-Object Uuid").Succeeded().Objects;
        var backups = ps.Run("Get-ZStackVolumeBackup -Status ready, failed | ForEach-Object Uuid").Succeeded().Objects;

        var data = emulator.Server.ZStack.Volumes;
        var expectedVolumes = data.Volumes.Where(v => v.State == "Enabled" && v.Status == "Ready").Select(v => v.Uuid).ToHashSet();
        var expectedBackups = data.Backups.Where(b => b.Status is "Ready" or "Failed").Select(b => b.Uuid).ToHashSet();
        Assert.NotEmpty(expectedVolumes);
        Assert.Contains(data.Backups, b => b.Status == "Failed");
        Assert.Equal(expectedVolumes, volumes.Select(o => (string)o!).ToHashSet());
        Assert.Equal(expectedBackups, backups.Select(o => (string)o!).ToHashSet());
        var volumeQuery = emulator.Server.Requests.ForPath("/zstack/v1/volumes").Select(e => Uri.UnescapeDataString(e.RawQuery)).First();
        Assert.Contains("state=Enabled", volumeQuery);
        Assert.Contains("status=Ready", volumeQuery);
        var backupQuery = emulator.Server.Requests.ForPath("/zstack/v1/volume-backups").Select(e => Uri.UnescapeDataString(e.RawQuery)).First();
        Assert.Contains("status?=Ready,Failed", backupQuery);
    }

    [Theory]
    [InlineData("Get-ZStackDatabaseBackup", "/zstack/", "2147483648")]
    [InlineData("Get-ZStackDatabaseBackup", "/zstack/", "([uint64]::MaxValue)")]
    [InlineData("Get-CbrBackup", "/cbr/", "2147483648")]
    [InlineData("Get-CbrBackup", "/cbr/", "([uint64]::MaxValue)")]
    [InlineData("Get-RdsBackup", "/gaussdb-nosql/", "([uint64]::MaxValue)")]
    [InlineData("Get-VbsBackup", "/vbs/", "([uint64]::MaxValue)")]
    public void SkipPastWhatAnApiCanAddressListsNothingWithoutAsking(string cmdlet, string path, string skip)
    {
        using var ps = emulator.ConnectedSession();
        var result = ps.Run($"{cmdlet} -Skip {skip} -Verbose").Succeeded();
        Assert.Empty(result.Output);
        Assert.Empty(emulator.Server.Requests.ForPath(path));
        Assert.Contains(result.Verbose, v => v.Contains("past the last record"));
    }

    [Fact]
    public void SkipPastTheAddressableStillCountsWithIncludeTotalCount()
    {
        using var ps = emulator.ConnectedSession();
        var output = ps.Run("@(Get-CbrBackup -Skip 2147483648 -IncludeTotalCount) | ForEach-Object { [double]$_ }").Succeeded().Objects;
        Assert.Equal([(double)emulator.Server.HuaweiCloud.Cbr.Count], output);
    }

    [Fact]
    public void HelpMessagesDoNotRetypeTheValuesTabCompletes()
    {
        // The values live in Core's lists; a HelpMessage that spells them out is a second copy that drifts.
        using var ps = PowerShellSession.Start();
        var parameters = ps.Run("""
            foreach ($command in Get-Command -Module BackupQuery -Verb Get) {
                foreach ($parameter in $command.Parameters.Values) {
                    $completer = $parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ArgumentCompleterAttribute] -and $_.Type -and $_.Type.BaseType.Name -eq 'ValueListCompleter' }
                    if (-not $completer) { continue }
                    $values = $completer.Type::new().CompleteArgument($command.Name, $parameter.Name, '', $null, @{}) | ForEach-Object ListItemText
                    foreach ($help in $parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] } | ForEach-Object HelpMessage) {
                        "$($command.Name) -$($parameter.Name)`t$help`t$($values -join "`t")"
                    }
                }
            }
            """).Succeeded().Output;

        Assert.True(parameters.Count >= 15, $"Only {parameters.Count} parameters with value completion found.");
        var retyped = parameters.Select(p => p.BaseObject.ToString()!.Split('\t'))
            .Select(f => (Parameter: f[0], Help: f[1], Values: f.Skip(2)))
            .SelectMany(p => p.Values.Where(v => Regex.IsMatch(p.Help, $@"(?<![\w:-]){Regex.Escape(v)}(?![\w:-])", RegexOptions.IgnoreCase))
                .Select(v => $"{p.Parameter}: '{v}' in \"{p.Help}\""))
            .ToList();
        Assert.True(retyped.Count == 0, "HelpMessages that retype completed values:\n" + string.Join("\n", retyped));
    }
}
