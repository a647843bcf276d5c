using BackupQuery.Emulator;
using BackupQuery.Emulator.Hosting;

namespace BackupQuery.Core.Tests.Reliability;

/// <summary>The emulator's command line arms odd records as it arms the other faults.</summary>
public sealed class OddRecordFaultOptionTests
{
    [Theory]
    [InlineData("OddRecord:/cbr/", OddRecordKind.Size)]
    [InlineData("OddRecord=Date:/zstack/v1/database-backups:3", OddRecordKind.Date)]
    [InlineData("oddrecord=missing:/rds/", OddRecordKind.Missing)]
    [InlineData("OddRecord=Boolean:/cbr/", OddRecordKind.Boolean)]
    public void Fault_OddRecord_names_what_to_make_odd(string option, OddRecordKind expected)
    {
        List<FaultRule> faults = [];
        Assert.True(Program.TryParse(["--fault", option], new EmulatorOptions(), faults, out _));
        var rule = Assert.Single(faults);
        Assert.Equal((FaultKind.OddRecord, expected), (rule.Kind, rule.OddRecord));
    }

    [Fact]
    public void An_unknown_odd_record_kind_is_refused_with_the_known_ones() =>
        Assert.Contains("Size, Date, Object, Missing, Boolean", Assert.Throws<ArgumentException>(() => Program.TryParse(["--fault", "OddRecord=weird:/cbr/"], new EmulatorOptions(), [], out _)).Message);
}
