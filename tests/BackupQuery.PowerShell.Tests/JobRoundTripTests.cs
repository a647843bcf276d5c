using BackupQuery.PowerShell.Tests.Support;

namespace BackupQuery.PowerShell.Tests;

/// <summary>
/// Records through Start-Job and Receive-Job: the job is another process, so they arrive serialized, as over remoting.
/// Run in the dotnet-tool pwsh, because the hosted engine has no pwsh executable to start jobs with.
/// </summary>
public sealed class JobRoundTripTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("bq-job-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void RecordsComeBackFromAJobWithTheirValuesViewsAndDates()
    {
        var manifest = ModuleLayout.EnsureBuilt();
        var script = Path.Combine(_folder, "job.ps1");
        File.WriteAllText(script, """
            param($Module, $Server, $User, $Password)
            $ErrorActionPreference = 'Stop'
            Import-Module $Module
            $job = Start-Job -ArgumentList $Module, $Server, $User, $Password -ScriptBlock {
                param($Module, $Server, $User, $Password)
                Import-Module $Module
                $credential = [pscredential]::new($User, (ConvertTo-SecureString $Password -AsPlainText -Force))
                $null = Connect-ZStack -Server $Server -Credential $credential -ServerTimeZone UTC -Name job
                Get-ZStackDatabaseBackup -Skip 1 -First 3
            }
            $records = @($job | Wait-Job -Timeout 120 | Receive-Job)
            $job | Remove-Job -Force
            'TYPE=' + $records[0].PSObject.TypeNames[0]
            'DATE=' + $records[0].CreatedAt.GetType().Name
            'UUIDS=' + (($records | ForEach-Object Uuid) -join ',')
            'NEWEST=' + ($records | Sort-Object CreatedAt -Descending | Select-Object -First 1).Uuid
            $records | Out-String -Width 80
            """);
        var output = ToolPowerShell.RunFile(script, [manifest, emulator.Url + "/zstack", emulator.Options.ZStackAccountName, emulator.Options.ZStackPassword], _folder);

        var expected = emulator.Server.ZStack.Backups.Skip(1).Take(3).ToList();
        Assert.Contains("TYPE=Deserialized.BackupQuery.Records.ZStackDatabaseBackup", output);
        Assert.Contains("DATE=DateTimeOffset", output);
        Assert.Contains("UUIDS=" + string.Join(",", expected.Select(b => b.Uuid)), output);
        Assert.Contains("NEWEST=" + expected.OrderByDescending(b => b.CreateDate).First().Uuid, output);
        // The module's table view applies to the deserialized records.
        Assert.Contains("Created (UTC)", output);
        foreach (var backup in expected) Assert.Contains($"{backup.CreateDate!.Value.UtcDateTime:yyyy-MM-dd HH:mm} ", output);
    }
}
