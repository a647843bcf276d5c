using BackupQuery.PowerShell.Tests.Support;

namespace BackupQuery.PowerShell.Tests;

/// <summary>Parameter binding as PowerShell does it: positions, the pipeline by value and by property name, every set.</summary>
public sealed class BindingTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{

    [Fact]
    public void FirstPositionOfGetZStackDatabaseBackupIsTheUuid()
    {
        using var ps = emulator.ConnectedSession();
        var expected = emulator.Server.ZStack.Backups[7];
        var records = ps.Run("Get-ZStackDatabaseBackup $args[0]", expected.Uuid).Succeeded().Output;
        Assert.Equal(expected.Name, Assert.Single(records).Properties["Name"].Value);
    }

    [Fact]
    public void UuidBindsFromThePipelineByPropertyName()
    {
        using var ps = emulator.ConnectedSession();
        var wanted = new[] { emulator.Server.ZStack.Backups[3].Uuid, emulator.Server.ZStack.Backups[11].Uuid };
        var uuids = ps.Run("$args | ForEach-Object { [pscustomobject]@{ Uuid = $_ } } | Get-ZStackDatabaseBackup | ForEach-Object Uuid", wanted[0], wanted[1])
            .Succeeded().Objects;
        Assert.Equal(wanted, uuids);
    }

    [Fact]
    public void ImportCsvRowsBindVaultIdAndResourceIdByPropertyName()
    {
        using var ps = emulator.ConnectedSession();
        var cbr = emulator.Server.HuaweiCloud.Cbr;
        var vaults = cbr.Vaults.Take(2).Select(v => v.Id).ToArray();
        var csv = Path.Combine(Path.GetTempPath(), $"bq-vaults-{Guid.NewGuid():N}.csv");
        try
        {
            ps.Run("$args[1..2] | ForEach-Object { [pscustomobject]@{ VaultId = $_; Note = 'audit' } } | Export-Csv -LiteralPath $args[0] -NoTypeInformation",
                csv, vaults[0], vaults[1]).Succeeded();
            emulator.Server.Requests.Clear();
            var piped = ps.Run("Import-Csv -LiteralPath $args[0] | Get-CbrBackup | ForEach-Object { '{0}|{1}' -f $_.VaultId, $_.Id }", csv).Succeeded().Objects.Cast<string>().ToList();

            // One listing per row, each carrying that row's vault id to the server.
            var sent = emulator.Server.Requests.ForPath("/cbr/").Select(e => Query.Parse(e.RawQuery)["vault_id"]).Distinct().ToArray();
            Assert.Equal(vaults, sent);
            // The same records as naming each vault, in row order; none from another vault.
            var named = vaults.SelectMany(v => ps.Run("Get-CbrBackup -VaultId $args[0] | ForEach-Object { '{0}|{1}' -f $_.VaultId, $_.Id }", v).Succeeded().Objects.Cast<string>()).ToList();
            Assert.NotEmpty(piped);
            Assert.Equal(named, piped);
            Assert.All(piped, p => Assert.Contains(p.Split('|')[0], vaults));
        }
        finally
        {
            File.Delete(csv);
        }
    }

    [Fact]
    public void ConnectionBindsFromThePipelineByValueIntoDisconnect()
    {
        using var ps = emulator.ConnectedSession();
        ps.Run("$zs | Disconnect-ZStack").Succeeded();
        var after = ps.Run("Get-ZStackDatabaseBackup -First 1");
        Assert.Equal("BackupQuery.NotConnected", after.FirstError?.FullyQualifiedErrorId.Split(',')[0]);
        Assert.False((bool)ps.Run("$zs.Connected").Succeeded().Objects.Single());
    }

    [Theory]
    [InlineData("-Credential $c", "Account")]
    [InlineData("-AccountName $args[1] -Credential $u", "User")]
    [InlineData("-AccessKeyId $args[2] -AccessKeySecret (ConvertTo-SecureString $args[3] -AsPlainText -Force)", "AccessKey")]
    public void EachConnectZStackParameterSetLogsInItsOwnWay(string parameters, string authKind)
    {
        using var ps = PowerShellSession.Start();
        var o = emulator.Options;
        var result = ps.Run($$"""
            $c = [pscredential]::new($args[1], (ConvertTo-SecureString $args[4] -AsPlainText -Force))
            $u = [pscredential]::new($args[5], (ConvertTo-SecureString $args[6] -AsPlainText -Force))
            $conn = Connect-ZStack -Server $args[0] {{parameters}} -ErrorAction Stop
            $conn.AuthKind.ToString()
            @(Get-ZStackDatabaseBackup -First 2).Count
            """, emulator.Url + "/zstack", o.ZStackAccountName, o.ZStackAccessKeyId, o.ZStackAccessKeySecret, o.ZStackPassword, o.ZStackUserName, o.ZStackUserPassword)
            .Succeeded().Objects.ToList();
        Assert.Equal(authKind, result[0]);
        Assert.Equal(2, result[1]);
    }

    [Fact]
    public void EachConnectHuaweiCloudParameterSetAuthenticates()
    {
        using var ps = PowerShellSession.Start();
        var o = emulator.Options;
        var kinds = ps.Run($$"""
            {{emulator.ConnectHuaweiCloudScript}}
            $ak = Connect-HuaweiCloud -Region cn-north-4 -AccessKeyId $args[0] -SecretAccessKey (ConvertTo-SecureString $args[1] -AsPlainText -Force) -Endpoint $hwEndpoints -ErrorAction Stop
            $hw.AuthKind.ToString(); @(Get-CbrBackup -Connection $hw -First 1).Count
            $ak.AuthKind.ToString(); @(Get-CbrBackup -Connection $ak -First 1).Count
            """, o.HuaweiAccessKeyId, o.HuaweiSecretAccessKey).Succeeded().Objects.ToList();
        Assert.Equal(new object[] { "Password", 1, "AccessKey", 1 }, kinds);
    }

    [Fact]
    public void RdsServiceWithoutAnInstanceIdIsRefusedBeforeAnyRequest()
    {
        // -Service alone satisfies the GeminiDB set too, so binding cannot demand -InstanceId; the query does.
        using var ps = emulator.ConnectedSession();
        emulator.Server.Requests.Clear();
        var result = ps.Run("Get-RdsBackup -Service RDS");
        Assert.Empty(result.Output);
        var error = Assert.Single(result.Errors);
        Assert.Equal(System.Management.Automation.ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("-InstanceId", error.ToString());
        Assert.Empty(emulator.Server.Requests.ForPath("/rds/"));
    }

    [Fact]
    public void GeminiDbAndRdsSetsListTheirOwnService()
    {
        using var ps = emulator.ConnectedSession();
        var instance = emulator.Server.HuaweiCloud.Rds.Backups.GroupBy(b => b.InstanceId).OrderByDescending(g => g.Count()).First();
        var services = ps.Run("""
            (Get-RdsBackup -First 3 | ForEach-Object Service | Select-Object -Unique)
            (Get-RdsBackup -Service RDS $args[0] | ForEach-Object Service | Select-Object -Unique)
            @(Get-RdsBackup -Service RDS $args[0]).Count
            """, instance.Key).Succeeded().Objects.ToList();
        Assert.Equal(new object[] { "GeminiDB", "RDS", instance.Count() }, services);
    }

    [Fact]
    public void SortByImpliesTheDetailedVbsListing()
    {
        // Issue 19: -SortBy once made -Detailed mandatory, which an interactive console turned into a prompt.
        using var ps = emulator.ConnectedSession();
        var summary = ps.Run("Get-VbsBackup -First 2 | ForEach-Object IsDetailed").Succeeded().Objects;
        var detailed = ps.Run("Get-VbsBackup -Detailed -SortBy name -First 2 | ForEach-Object IsDetailed").Succeeded().Objects;
        var implied = ps.Run("Get-VbsBackup -SortBy name -First 2 | ForEach-Object IsDetailed").Succeeded().Objects;
        Assert.Equal(new object[] { false, false }, summary);
        Assert.Equal(new object[] { true, true }, detailed);
        Assert.Equal(new object[] { true, true }, implied);
        // The server sorts the whole listing by name: descending by default (sort_dir's default), ascending with
        // -Descending:$false, where the backups without a name come first.
        var names = emulator.Server.HuaweiCloud.Vbs.Backups.Select(b => b.Name ?? "").Order(StringComparer.Ordinal).ToList();
        var unnamed = names.Count(n => n.Length == 0);
        Assert.True(names.Distinct().Count() > 10, "the emulated VBS names are too alike to show an order");
        Assert.Equal(names.AsEnumerable().Reverse().Take(6), ps.Run("Get-VbsBackup -Detailed -SortBy name -First 6 | ForEach-Object Name").Succeeded().Objects);
        Assert.Equal(names.AsEnumerable().Reverse().Take(6), ps.Run("Get-VbsBackup -Detailed -SortBy name -Descending -First 6 | ForEach-Object Name").Succeeded().Objects);
        Assert.Equal(names.Skip(unnamed).Take(6), ps.Run("Get-VbsBackup -Detailed -SortBy name -Descending:$false -Skip $args[0] -First 6 | ForEach-Object Name", unnamed).Succeeded().Objects);
    }
}
