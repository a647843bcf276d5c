using System.Management.Automation;
using BackupQuery.Emulator.Hosting;
using BackupQuery.PowerShell.Tests.Support;

namespace BackupQuery.PowerShell.Tests;

/// <summary>Failures as a PowerShell user meets them: ids, categories, -ErrorAction, $Error, partial listings.</summary>
public sealed class ErrorRecordTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private const string Listing = "/zstack/v1/database-backups";

    private string WrongPasswordScript => $"""
        $bad = [pscredential]::new('{emulator.Options.ZStackAccountName}', (ConvertTo-SecureString 'not-the-password' -AsPlainText -Force))
        Connect-ZStack -Server '{emulator.Url}/zstack' -Credential $bad
        """;

    [Fact]
    public void AWrongPasswordIsANonTerminatingAuthenticationError()
    {
        using var ps = PowerShellSession.Start();
        var result = ps.Run(WrongPasswordScript + "; 'after'");
        Assert.Null(result.Terminating);
        Assert.Equal(["after"], result.Objects);
        var error = Assert.Single(result.Errors);
        Assert.Equal("ZStack.ID.1000,BackupQuery.PowerShell.ZStack.ConnectZStackCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
        Assert.Contains("ID.1000", error.ToString());
        Assert.Matches(@"HTTP \d{3}", error.ToString());
        Assert.DoesNotContain("not-the-password", error.ToString());
    }

    [Fact]
    public void ErrorActionStopMakesTheFailureCatchableAndRecordsItInDollarError()
    {
        using var ps = PowerShellSession.Start();
        var caught = ps.Run($$"""
            $Error.Clear()
            try { {{WrongPasswordScript}} -ErrorAction Stop; 'not reached' }
            catch { $_.FullyQualifiedErrorId; $_.CategoryInfo.Category.ToString() }
            $Error[0].FullyQualifiedErrorId
            """).Objects.ToList();
        Assert.Equal(
            new object[] { "ZStack.ID.1000,BackupQuery.PowerShell.ZStack.ConnectZStackCommand", "AuthenticationError", "ZStack.ID.1000,BackupQuery.PowerShell.ZStack.ConnectZStackCommand" },
            caught);
    }

    [Theory]
    [InlineData("Get-ZStackDatabaseBackup", "Connect-ZStack", "GetZStackDatabaseBackupCommand")]
    [InlineData("Get-CbrBackup", "Connect-HuaweiCloud", "GetCbrBackupCommand")]
    [InlineData("Get-VbsBackup", "Connect-HuaweiCloud", "GetVbsBackupCommand")]
    [InlineData("Get-RdsBackup", "Connect-HuaweiCloud", "GetRdsBackupCommand")]
    public void ListingWithoutAConnectionIsATerminatingNotConnectedError(string command, string connectCommand, string className)
    {
        using var ps = PowerShellSession.Start();
        // Statement-terminating: try/catch sees it without -ErrorAction Stop, and the statement writes nothing.
        var result = ps.Run($"try {{ {command} | ForEach-Object {{ 'record' }}; 'not reached' }} catch {{ 'caught'; $_ }}");
        Assert.Equal("caught", result.Objects.First());
        var error = Assert.IsType<ErrorRecord>(result.Objects.Last());
        Assert.StartsWith("BackupQuery.NotConnected,", error.FullyQualifiedErrorId);
        Assert.EndsWith("." + className, error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ConnectionError, error.CategoryInfo.Category);
        Assert.Contains(connectCommand, error.ToString());
    }

    [Fact]
    public void AFailedLaterPageKeepsTheRecordsAlreadyWrittenAndSaysHowMany()
    {
        using var ps = PowerShellSession.Start();
        ps.Run(emulator.ConnectZStackScript).Succeeded();
        emulator.Server.Faults.Add(new FaultRule(Listing, FaultKind.Status) { StatusCode = 400, AfterRequests = 1 });
        var result = ps.Run("Get-ZStackDatabaseBackup -PageSize 500 | ForEach-Object Uuid");
        Assert.Null(result.Terminating);
        // The first page holds 100 and plans the rest, fetched several at a time: whichever page fails, the records
        // before it were written, in order, and the error says how many.
        var written = result.Output.Count;
        Assert.InRange(written, 100, emulator.Options.ZStackCount - 1);
        Assert.Equal(emulator.Server.ZStack.Backups.Take(written).Select(b => b.Uuid), result.Objects);
        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains($"{written} record(s) were written before this failure", error.ToString());
        Assert.Contains("HTTP 400", error.ToString());
    }

    [Fact]
    public void AFailedListingSaysHowToResumeAndTheResumeGetsTheRest()
    {
        using var ps = PowerShellSession.Start();
        ps.Run(emulator.ConnectZStackScript).Succeeded();
        emulator.Server.Faults.Add(new FaultRule(Listing, FaultKind.Status) { StatusCode = 400, AfterRequests = 1 });
        var result = ps.Run("Get-ZStackDatabaseBackup -PageSize 500 -Skip 7 -First 3000 | ForEach-Object Uuid");
        emulator.Server.Faults.Clear();
        var written = result.Output.Count;
        Assert.InRange(written, 100, emulator.Options.ZStackCount - 8);
        var error = Assert.Single(result.Errors);
        // The module's own type (the test does not reference the module assembly: it is imported into the runspace).
        Assert.Equal("BackupQuery.PowerShell.Infrastructure.IncompleteListing", error.TargetObject.GetType().FullName);
        dynamic target = error.TargetObject;
        Assert.Equal((written, 7L + written, 3000L - written), ((long)target.RecordsWritten, (long)target.ResumeSkip, (long?)target.ResumeFirst));
        Assert.Contains($"-Skip {7 + written} -First {3000 - written}", error.ErrorDetails.RecommendedAction);

        // The resume the error names picks up exactly where the listing stopped.
        var rest = ps.Run($"Get-ZStackDatabaseBackup -PageSize 500 -Skip {(long)target.ResumeSkip} -First {(long?)target.ResumeFirst} | ForEach-Object Uuid").Succeeded();
        var all = emulator.Server.ZStack.Backups.Skip(7).Take(3000).Select(b => b.Uuid).ToList();
        Assert.Equal(all, result.Objects.Concat(rest.Objects).Cast<string>());
    }
}
