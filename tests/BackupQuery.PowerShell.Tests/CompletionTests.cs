using BackupQuery.PowerShell.Tests.Support;

namespace BackupQuery.PowerShell.Tests;

/// <summary>Tab completion through TabExpansion2, as the console asks for it; the values are the specs' documented ones.</summary>
public sealed class CompletionTests
{
    [Theory]
    [InlineData("Get-CbrBackup -Status av", "available")]
    [InlineData("Get-CbrBackup -Status waiting_r", "waiting_restore")]
    [InlineData("Get-CbrBackup -ResourceType OS::Ci", "OS::Cinder::Volume")]
    [InlineData("Connect-HuaweiCloud -Region cn-nor", "cn-north-4")]
    [InlineData("Get-ZStackDatabaseBackup -Status Rea", "Ready")]
    [InlineData("Get-ZStackDatabaseBackup -State Dis", "Disabled")]
    [InlineData("Get-RdsBackup -DatastoreType mon", "mongodb")]
    [InlineData("Get-VbsBackup -Status error_", "error_restoring")]
    [InlineData("Get-CbrBa", "Get-CbrBackup")]
    [InlineData("Get-CbrBackup -Incr", "-Incremental")]
    public void TabCompletes(string line, string expected)
    {
        var matches = Complete(line).Select(m => m.Trim('\'')).ToList();
        Assert.Contains(expected, matches);
        // Only candidates that continue what was typed.
        var typed = line.Split(' ').Last();
        Assert.All(matches, m => Assert.StartsWith(typed, m, StringComparison.OrdinalIgnoreCase));
    }

    // The ZStack query cmdlets share -SortBy (declared once in their base); each completes its own API's sort fields.
    [Theory]
    [InlineData("Get-ZStackVolume -SortBy ", "createDate,lastOpDate,name,size,status,state,type,uuid")]
    [InlineData("BackupQuery\\Get-ZStackVolume -SortBy ty", "type")]
    [InlineData("Get-ZStackDatabaseBackup -SortBy ", "createDate,lastOpDate,name,size,status,state,uuid")]
    [InlineData("Get-ZStackVolumeBackup -SortBy ", "createDate,lastOpDate,name,size,status,state,uuid")]
    [InlineData("Get-ZStackDatabaseBackup -SortBy LAST", "lastOpDate")]
    public void SortByCompletesTheFieldsOfTheCommandsOwnApi(string line, string expected)
    {
        Assert.Equal(expected.Split(','), Complete(line));
    }

    /// <summary>What Tab offers at the end of <paramref name="line"/>, in a fresh session with the module.</summary>
    private static List<string> Complete(string line)
    {
        using var ps = PowerShellSession.Start();
        return ps.Run("(TabExpansion2 -inputScript $args[0] -cursorColumn $args[0].Length).CompletionMatches | ForEach-Object CompletionText", line)
            .Succeeded().Objects.Cast<string>().ToList();
    }
}
