using System.Management.Automation;
using BackupQuery.PowerShell.Tests.Support;

namespace BackupQuery.PowerShell.Tests;

/// <summary>Get-Help reads the MAML build.ps1 generated from docs/: synopsis, every parameter, examples, the about topic.</summary>
public sealed class HelpTests
{
    private static readonly string[] Names =
    [
        "Connect-ZStack", "Disconnect-ZStack", "Get-ZStackConnection", "Get-ZStackDatabaseBackup", "Get-ZStackImageStoreBackup",
        "Connect-HuaweiCloud", "Disconnect-HuaweiCloud", "Get-HuaweiCloudConnection", "Get-RdsBackup", "Get-VbsBackup", "Get-CbrBackup",
        "Get-ZStackVolume", "Get-ZStackVolumeBackup", "Get-RdsInstance", "Get-CbrVault", "Get-CbrProtectable", "Get-BackupCoverage",
    ];

    public static TheoryData<string> Cmdlets() => new(Names);

    [Fact]
    public void TheModuleExportsExactlyTheDocumentedCmdlets()
    {
        using var ps = PowerShellSession.Start();
        var exported = ps.Run("(Get-Command -Module BackupQuery).Name | Sort-Object").Succeeded().Objects.Cast<string>();
        Assert.Equal(Names.Order(StringComparer.OrdinalIgnoreCase), exported, StringComparer.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void FullHelpHasSynopsisEveryParameterAndExamples(string cmdlet)
    {
        using var ps = PowerShellSession.Start();
        var help = ps.Run("Get-Help $args[0] -Full", cmdlet).Succeeded().Output.Single();
        var synopsis = help.Properties["Synopsis"].Value.ToString()!.Trim();
        Assert.False(string.IsNullOrWhiteSpace(synopsis));
        // Without MAML, Get-Help makes the synopsis from the syntax, which starts with the command name.
        Assert.DoesNotMatch("^" + cmdlet, synopsis);

        var documented = ps.Run("""
            (Get-Help $args[0] -Full).parameters.parameter | ForEach-Object {
                [pscustomobject]@{ Name = [string]$_.name; Text = [string](($_.description | ForEach-Object Text) -join ' ').Trim() } }
            """, cmdlet).Succeeded().Output.ToDictionary(p => p.Properties["Name"].Value.ToString()!, p => p.Properties["Text"].Value.ToString()!);
        var actual = ps.Run("""
            $common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
            (Get-Command $args[0]).Parameters.Keys | Where-Object { $common -notcontains $_ } | Sort-Object
            """, cmdlet).Succeeded().Objects.Cast<string>().ToList();
        Assert.NotEmpty(actual);
        Assert.All(actual, name => Assert.False(string.IsNullOrWhiteSpace(documented.GetValueOrDefault(name)), $"{cmdlet} -{name} has no description in Get-Help"));

        var examples = ps.Run("@((Get-Help $args[0] -Full).examples.example) | ForEach-Object { [string]$_.code }", cmdlet).Succeeded().Objects.Cast<string>().ToList();
        Assert.NotEmpty(examples);
        Assert.All(examples, code => Assert.False(string.IsNullOrWhiteSpace(code)));
        Assert.Contains(examples, code => code.Contains(cmdlet, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void ClosedValueListsValidateFromCoreAndTheHelpNamesEveryValue()
    {
        using var ps = PowerShellSession.Start();
        var rows = ps.Run("""
            foreach ($command in Get-Command -Module BackupQuery) {
                foreach ($parameter in $command.Parameters.Values) {
                    $list = $parameter.Attributes | Where-Object { $_.GetType().Name -eq 'ValidateValueListAttribute' }
                    if (-not $list) { continue }
                    $help = ((Get-Help $command.Name -Parameter $parameter.Name).description | ForEach-Object Text) -join ' '
                    [pscustomobject]@{ Command = $command.Name; Parameter = $parameter.Name; Values = @($list.ValidValues); Help = $help }
                }
            }
            """).Succeeded().Output;
        // The closed sets: CBR image type, own type, member status; GeminiDB backup policy type; CBR vault protect type.
        Assert.Equal(["Get-CbrBackup -ImageType", "Get-CbrBackup -MemberStatus", "Get-CbrBackup -OwnType", "Get-CbrVault -ProtectType", "Get-RdsBackup -Type"],
            rows.Select(r => $"{r.Properties["Command"].Value} -{r.Properties["Parameter"].Value}").Order());
        foreach (var row in rows)
        {
            var values = ((object[])row.Properties["Values"].Value).Select(v => v.ToString()!).ToList();
            Assert.NotEmpty(values);
            Assert.All(values, v => Assert.Contains(v, row.Properties["Help"].Value.ToString()!));
        }
        var refused = ps.Run("Get-CbrBackup -ImageType snapshot");
        Assert.StartsWith("ParameterArgumentValidationError,", refused.FirstError?.FullyQualifiedErrorId);
        Assert.Contains("backup, replication", refused.FirstError!.ToString());
    }

    [Fact]
    public void TheAboutTopicIsFound()
    {
        using var ps = PowerShellSession.Start();
        var text = ps.Run("Get-Help about_BackupQuery | Out-String").Succeeded().Text;
        Assert.Contains("TOPIC", text);
        Assert.Contains("-IncludeTotalCount", text);
    }
}
