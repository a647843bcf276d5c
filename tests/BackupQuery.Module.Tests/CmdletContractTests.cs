using System.Text.RegularExpressions;

namespace BackupQuery.Module.Tests;

/// <summary>The static contract of every cmdlet in the built assembly: what PowerShell checks at import or bind time, and the module's own rules.</summary>
public sealed class CmdletContractTests
{
    public static TheoryData<string> CmdletNames()
    {
        var data = new TheoryData<string>();
        foreach (var cmdlet in ModuleUnderTest.AllCmdlets) data.Add(cmdlet.Name);
        return data;
    }

    private static CmdletInfo Cmdlet(string name) => ModuleUnderTest.AllCmdlets.Single(c => c.Name == name);

    // PowerShell's approved verbs (Get-Verb in 7.4: VerbsCommon, VerbsCommunications, VerbsData, VerbsDiagnostic,
    // VerbsLifecycle, VerbsOther, VerbsSecurity).
    private static readonly HashSet<string> ApprovedVerbs = new(StringComparer.Ordinal)
    {
        // Common
        "Add", "Clear", "Close", "Copy", "Enter", "Exit", "Find", "Format", "Get", "Hide", "Join", "Lock", "Move", "New",
        "Open", "Optimize", "Pop", "Push", "Redo", "Remove", "Rename", "Reset", "Resize", "Search", "Select", "Set", "Show",
        "Skip", "Split", "Step", "Switch", "Undo", "Unlock", "Watch",
        // Communications
        "Connect", "Disconnect", "Read", "Receive", "Send", "Write",
        // Data
        "Backup", "Checkpoint", "Compare", "Compress", "Convert", "ConvertFrom", "ConvertTo", "Dismount", "Edit", "Expand",
        "Export", "Group", "Import", "Initialize", "Limit", "Merge", "Mount", "Out", "Publish", "Restore", "Save", "Sync",
        "Unpublish", "Update",
        // Diagnostic
        "Debug", "Measure", "Ping", "Repair", "Resolve", "Test", "Trace",
        // Lifecycle
        "Approve", "Assert", "Build", "Complete", "Confirm", "Deny", "Deploy", "Disable", "Enable", "Install", "Invoke",
        "Register", "Request", "Restart", "Resume", "Start", "Stop", "Submit", "Suspend", "Uninstall", "Unregister", "Wait",
        // Other
        "Use",
        // Security
        "Block", "Grant", "Protect", "Revoke", "Unblock", "Unprotect",
    };

    private static readonly string[] CommonParameters =
    [
        "Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ProgressAction", "ErrorVariable",
        "WarningVariable", "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable",
        // and their aliases
        "vb", "db", "ea", "wa", "infa", "proga", "ev", "wv", "iv", "ov", "ob", "pv",
    ];

    private static readonly string[] PagingParameters = ["First", "Skip", "IncludeTotalCount"];
    private static readonly string[] ShouldProcessParameters = ["WhatIf", "Confirm", "wi", "cf"];

    [Fact]
    public void TheAssemblyHasCmdlets()
    {
        Assert.NotEmpty(ModuleUnderTest.AllCmdlets);
        Assert.Contains(ModuleUnderTest.AllCmdlets, c => c.Name == "Connect-ZStack");
        Assert.Contains(ModuleUnderTest.AllCmdlets, c => c.Name == "Get-ZStackDatabaseBackup");
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void VerbIsApproved(string name) =>
        Assert.True(ApprovedVerbs.Contains(Cmdlet(name).Verb), $"{name}: '{Cmdlet(name).Verb}' is not an approved PowerShell verb (Get-Verb).");

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void ClassIsSealedAndNamedAfterTheCmdlet(string name)
    {
        var type = Cmdlet(name).Type;
        Assert.True(type.IsSealed, $"{type.FullName} should be sealed.");
        Assert.Equal(Cmdlet(name).Verb + Cmdlet(name).Noun + "Command", type.Name);
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void OutputTypeNamesRealPublicTypes(string name)
    {
        var cmdlet = Cmdlet(name);
        Assert.True(cmdlet.OutputTypes.Count > 0, $"{name} has no [OutputType].");
        foreach (var output in cmdlet.OutputTypes)
        {
            var type = output as Type ?? ModuleUnderTest.FindType((string)output) ?? Type.GetType((string)output);
            Assert.True(type is not null, $"{name}: [OutputType] names '{output}', which is no type in the module.");
            if (type!.FullName == "System.Void") continue; // an explicit "writes nothing"
            Assert.True(type.IsPublic || type.IsNestedPublic, $"{name}: output type {type.FullName} is not public.");
            Assert.False(type.IsAbstract && !type.IsInterface && type.Assembly.GetName().Name!.StartsWith("BackupQuery", StringComparison.Ordinal),
                $"{name}: output type {type.FullName} is abstract; name the concrete record type.");
        }
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void EveryParameterHasAHelpMessage(string name)
    {
        var missing = Cmdlet(name).Parameters
            .SelectMany(p => p.Sets.Where(s => string.IsNullOrWhiteSpace(s.HelpMessage)).Select(s => $"-{p.Name} ({s.SetName})"))
            .ToList();
        Assert.True(missing.Count == 0, $"{name}: [Parameter] without HelpMessage: {string.Join(", ", missing)}");
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void ParameterSetsResolve(string name)
    {
        var cmdlet = Cmdlet(name);
        var problems = new List<string>();
        var named = cmdlet.Parameters.SelectMany(p => p.Sets).Select(s => s.SetName).Where(s => s != ParameterInfo.AllSets).Distinct().ToList();
        // A DefaultParameterSetName no parameter names is legal: that set holds only the all-sets parameters.
        var sets = named.Count > 0 ? named.Union(cmdlet.DefaultParameterSetName is { } d ? [d] : []).ToList() : [ParameterInfo.AllSets];

        if (named.Count > 1 && cmdlet.DefaultParameterSetName is null)
            problems.Add($"{named.Count} parameter sets but no DefaultParameterSetName");

        foreach (var parameter in cmdlet.Parameters)
        {
            foreach (var dup in parameter.Sets.GroupBy(s => s.SetName).Where(g => g.Count() > 1))
                problems.Add($"-{parameter.Name} is declared {dup.Count()} times for set {dup.Key}");
        }

        foreach (var set in sets)
        {
            var members = cmdlet.Parameters
                .Select(p => (Parameter: p, Entry: p.Sets.FirstOrDefault(s => s.SetName == set) ?? p.Sets.FirstOrDefault(s => s.SetName == ParameterInfo.AllSets)))
                .Where(x => x.Entry is not null)
                .ToList();
            foreach (var clash in members.Where(m => m.Entry!.IsPositional).GroupBy(m => m.Entry!.Position).Where(g => g.Count() > 1))
                problems.Add($"set {set}: position {clash.Key} is taken by {string.Join(" and ", clash.Select(c => "-" + c.Parameter.Name))}");
            var byValue = members.Where(m => m.Entry!.ValueFromPipeline).Select(m => "-" + m.Parameter.Name).ToList();
            if (byValue.Count > 1) problems.Add($"set {set}: {byValue.Count} parameters take pipeline input by value ({string.Join(", ", byValue)})");
        }

        // A named set other than the default must be selectable: it needs a parameter no other set has.
        foreach (var set in named.Where(s => s != cmdlet.DefaultParameterSetName))
        {
            var unique = cmdlet.Parameters.Any(p => p.Sets.Any(s => s.SetName == set) && p.Sets.All(s => s.SetName == set));
            if (!unique) problems.Add($"set {set} has no parameter of its own, so it can never be chosen");
        }

        Assert.True(problems.Count == 0, $"{name}:\n  " + string.Join("\n  ", problems));
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void ParameterNamesAndAliasesDoNotCollide(string name)
    {
        var cmdlet = Cmdlet(name);
        var reserved = new List<string>(CommonParameters);
        if (cmdlet.SupportsPaging) reserved.AddRange(PagingParameters);
        if (cmdlet.SupportsShouldProcess) reserved.AddRange(ShouldProcessParameters);
        var names = cmdlet.Parameters.SelectMany(p => p.Aliases.Prepend(p.Name).Select(n => (Name: n, Owner: p.Name))).ToList();
        var problems = names.Where(n => reserved.Contains(n.Name, StringComparer.OrdinalIgnoreCase)).Select(n => $"-{n.Owner}: '{n.Name}' is reserved by PowerShell").ToList();
        problems.AddRange(names.GroupBy(n => n.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => $"'{g.Key}' names {g.Count()} parameters or aliases"));
        Assert.True(problems.Count == 0, $"{name}: " + string.Join("; ", problems));
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void NoPlainTextSecretParameters(string name)
    {
        var plain = Cmdlet(name).Parameters
            .Where(p => Regex.IsMatch(p.Name, "Password|Secret|Token", RegexOptions.IgnoreCase))
            .Where(p => p.Property.PropertyType.FullName is "System.String" or "System.String[]" or "System.Char[]" or "System.Byte[]")
            .Select(p => "-" + p.Name)
            .ToList();
        Assert.True(plain.Count == 0, $"{name}: secrets must be SecureString or PSCredential, not plain text: {string.Join(", ", plain)}");
    }

    private static bool Lists(CmdletInfo cmdlet) => cmdlet.Verb == "Get" && cmdlet.OutputTypes.OfType<Type>().Any(IsBackupRecord);

    private static TheoryData<string> NamesWhere(Func<CmdletInfo, bool> predicate)
    {
        var data = new TheoryData<string>();
        foreach (var cmdlet in ModuleUnderTest.AllCmdlets.Where(predicate)) data.Add(cmdlet.Name);
        return data;
    }

    public static TheoryData<string> ListingCmdletNames() => NamesWhere(Lists);
    public static TheoryData<string> OtherThanListingCmdletNames() => NamesWhere(c => !Lists(c));
    public static TheoryData<string> ConnectCmdletNames() => NamesWhere(c => c.Verb == "Connect");
    public static TheoryData<string> OtherThanConnectCmdletNames() => NamesWhere(c => c.Verb != "Connect" && !ListsConnections(c));

    /// <summary>Get-&lt;Provider&gt;Connection: lists this session's connections of a provider.</summary>
    private static bool ListsConnections(CmdletInfo c) => c.Verb == "Get" && c.Noun.EndsWith("Connection", StringComparison.Ordinal);

    /// <summary>Every Get-* cmdlet of this module lists backup records, so none can fall out of the listing checks below.</summary>
    [Fact]
    public void EveryGetCmdletWritesBackupRecords()
    {
        // Get-BackupCoverage evaluates the listings rather than being one: one record per resource, no paging.
        var gets = ModuleUnderTest.AllCmdlets.Where(c => c.Verb == "Get" && !ListsConnections(c) && c.Name != "Get-BackupCoverage").ToList();
        Assert.NotEmpty(gets);
        Assert.All(gets, c => Assert.True(Lists(c), $"{c.Name} is a Get cmdlet whose [OutputType] names no backup record type."));
    }

    /// <summary>Each Connect-X has a Get-XConnection that writes the same connection type (and lists nothing else).</summary>
    [Theory]
    [MemberData(nameof(ConnectCmdletNames))]
    public void ConnectCmdletsHaveAConnectionLister(string name)
    {
        var connect = Cmdlet(name);
        var lister = ModuleUnderTest.AllCmdlets.SingleOrDefault(c => c.Verb == "Get" && c.Noun == connect.Noun + "Connection");
        Assert.True(lister is not null, $"{name} has no Get-{connect.Noun}Connection.");
        Assert.Equal(Assert.Single(connect.OutputTypes.OfType<Type>()), Assert.Single(lister!.OutputTypes.OfType<Type>()));
        Assert.False(lister.SupportsPaging);
    }

    /// <summary>Get-* cmdlets that write backup records list: they stream, and take -First/-Skip/-IncludeTotalCount and -Connection.</summary>
    [Theory]
    [MemberData(nameof(ListingCmdletNames))]
    public void ListingCmdletsSupportPagingAndConnection(string name)
    {
        var cmdlet = Cmdlet(name);
        Assert.True(cmdlet.SupportsPaging, $"{name} lists backup records but its [Cmdlet] lacks SupportsPaging = true (-First/-Skip/-IncludeTotalCount).");
        Assert.Contains(cmdlet.Parameters, p => p.Name == "Connection");
    }

    [Theory]
    [MemberData(nameof(OtherThanListingCmdletNames))]
    public void OnlyListingCmdletsSupportPaging(string name) =>
        Assert.False(Cmdlet(name).SupportsPaging, $"{name} lists nothing, yet takes -First/-Skip/-IncludeTotalCount.");

    [Theory]
    [MemberData(nameof(ConnectCmdletNames))]
    public void ConnectCmdletsWriteAConnection(string name)
    {
        var cmdlet = Cmdlet(name);
        var output = Assert.Single(cmdlet.OutputTypes.OfType<Type>());
        Assert.Contains(output.GetInterfaces(), i => i.FullName == "BackupQuery.Connections.IBackupConnection");
        var disconnect = ModuleUnderTest.AllCmdlets.SingleOrDefault(c => c.Verb == "Disconnect" && c.Noun == cmdlet.Noun);
        Assert.True(disconnect is not null, $"{name} has no Disconnect-{cmdlet.Noun}.");
        var connection = Assert.Single(disconnect!.Parameters, p => p.Name == "Connection");
        Assert.Equal(output, connection.Property.PropertyType.GetElementType() ?? connection.Property.PropertyType);
    }

    [Theory]
    [MemberData(nameof(OtherThanConnectCmdletNames))]
    public void OnlyConnectCmdletsWriteAConnection(string name)
    {
        var connections = Cmdlet(name).OutputTypes.OfType<Type>()
            .Where(t => t.GetInterfaces().Any(i => i.FullName == "BackupQuery.Connections.IBackupConnection"))
            .Select(t => t.Name)
            .ToList();
        Assert.True(connections.Count == 0, $"{name} is no Connect cmdlet, yet writes {string.Join(", ", connections)}.");
    }

    internal static bool IsBackupRecord(Type? type)
    {
        for (; type is not null; type = type.BaseType)
        {
            // Backups and the inventories coverage is built from (instances, vaults, volumes) are listings alike.
            if (type.FullName is "BackupQuery.Records.BackupRecord" or "BackupQuery.Records.InventoryRecord") return true;
        }
        return false;
    }
}
