using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace BackupQuery.Module.Tests;

/// <summary>BackupQuery.format.ps1xml: every view names a real public type and only its real properties; every output type has a view.</summary>
public sealed class FormatFileTests
{
    private static readonly XDocument Format = XDocument.Load(Path.Combine(ModuleUnderTest.RepositoryRoot, "BackupQuery.format.ps1xml"));

    private static IEnumerable<XElement> Views => Format.Descendants("View");

    public static TheoryData<string> ViewNames()
    {
        var data = new TheoryData<string>();
        foreach (var view in Views) data.Add((string)view.Element("Name")!);
        return data;
    }

    public static TheoryData<string> TableViewNames()
    {
        var data = new TheoryData<string>();
        foreach (var view in Views.Where(v => v.Element("TableControl") is not null)) data.Add((string)view.Element("Name")!);
        return data;
    }

    private static XElement View(string name) => Views.Single(v => (string?)v.Element("Name") == name);

    private static readonly XDocument Types = XDocument.Load(Path.Combine(ModuleUnderTest.RepositoryRoot, "BackupQuery.types.ps1xml"));

    // 'Type#View' is a type name a cmdlet adds to a record of Type for a narrower view (VBS summaries), and
    // 'Deserialized.Type' what PowerShell names a deserialized Type: both have Type's properties.
    private static string ClrName(string typeName) => Regex.Replace(typeName.Trim(), "^Deserialized\\.", "").Split('#')[0];

    private static IReadOnlyList<Type> TypesOf(XElement view) => view.Element("ViewSelectedBy")!.Elements("TypeName")
        .Select(e => ModuleUnderTest.FindType(ClrName(e.Value)) ?? throw new Xunit.Sdk.XunitException($"View {(string?)view.Element("Name")} names type '{e.Value}', which is not a public type of the module."))
        .ToList();

    // The type's public properties plus the members BackupQuery.types.ps1xml adds to it.
    private static HashSet<string> PropertiesOf(Type type) =>
        new(type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name)
            .Concat(Types.Descendants("Type").Where(t => (string?)t.Element("Name") == type.FullName).SelectMany(t => t.Descendants("Name").Skip(1).Select(n => n.Value.Trim()))),
            StringComparer.OrdinalIgnoreCase);

    [Fact]
    public void ViewNamesAreUnique() => Assert.Equal(Views.Count(), Views.Select(v => (string?)v.Element("Name")).Distinct().Count());

    [Theory]
    [MemberData(nameof(ViewNames))]
    public void ViewNamesRealPublicTypes(string name)
    {
        var types = TypesOf(View(name));
        Assert.NotEmpty(types);
        foreach (var type in types)
        {
            Assert.True(type.IsPublic, $"{name}: {type.FullName} is not public.");
            Assert.False(type.IsAbstract, $"{name}: {type.FullName} is abstract; views are keyed by the concrete type name.");
        }
    }

    [Theory]
    [MemberData(nameof(ViewNames))]
    public void ColumnsUseOnlyRealProperties(string name)
    {
        var view = View(name);
        var problems = new List<string>();
        foreach (var type in TypesOf(view))
        {
            var properties = PropertiesOf(type);
            foreach (var property in view.Descendants("PropertyName").Select(e => e.Value.Trim()).Where(p => !properties.Contains(p)))
                problems.Add($"{type.Name} has no property '{property}'");
            foreach (var script in view.Descendants("ScriptBlock").Select(e => e.Value))
            {
                foreach (Match m in Regex.Matches(script, @"\$_\.(?<p>[A-Za-z_][A-Za-z0-9_]*)"))
                {
                    if (!properties.Contains(m.Groups["p"].Value)) problems.Add($"{type.Name} has no property '{m.Groups["p"].Value}' (script block: {script.Trim()})");
                }
            }
        }
        Assert.True(problems.Count == 0, $"{name}: " + string.Join("; ", problems));
    }

    [Theory]
    [MemberData(nameof(TableViewNames))]
    public void TablesHaveFourToSixColumnsAndMatchingHeaders(string name)
    {
        var table = View(name).Element("TableControl")!;
        var headers = table.Element("TableHeaders")!.Elements("TableColumnHeader").Count();
        var rows = table.Descendants("TableRowEntry").ToList();
        Assert.NotEmpty(rows);
        foreach (var row in rows)
        {
            var columns = row.Element("TableColumnItems")!.Elements("TableColumnItem").ToList();
            Assert.Equal(headers, columns.Count);
            // A view of a partial record (Type#Summary) shows the little it has.
            Assert.InRange(columns.Count, name.Contains('#') ? 2 : 4, 6);
            foreach (var column in columns)
                Assert.True(column.Element("PropertyName") is not null ^ column.Element("ScriptBlock") is not null, $"{name}: a column needs exactly one of PropertyName or ScriptBlock.");
        }
    }

    [Fact]
    public void EveryRecordAndConnectionTypeHasATableView()
    {
        var viewed = Views.Where(v => v.Element("TableControl") is not null)
            .SelectMany(v => v.Element("ViewSelectedBy")!.Elements("TypeName").Select(e => e.Value.Trim()))
            .ToHashSet(StringComparer.Ordinal);
        var records = ModuleUnderTest.Core.GetExportedTypes().Where(t => !t.IsAbstract && CmdletContractTests.IsBackupRecord(t));
        var connections = ConnectionTypeTests.ConnectionTypesOf(ModuleUnderTest.Core);
        var missing = records.Concat(connections).Select(t => t.FullName!).Where(n => !viewed.Contains(n)).OrderBy(n => n, StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "No table view in BackupQuery.format.ps1xml for: " + string.Join(", ", missing));
    }

    [Fact]
    public void EveryOutputTypeOfACmdletHasAView()
    {
        var viewed = Views.SelectMany(v => v.Element("ViewSelectedBy")!.Elements("TypeName").Select(e => e.Value.Trim())).ToHashSet(StringComparer.Ordinal);
        var missing = ModuleUnderTest.AllCmdlets.SelectMany(c => c.OutputTypes.OfType<Type>())
            .Where(t => t.FullName != "System.Void" && t.Assembly.GetName().Name!.StartsWith("BackupQuery", StringComparison.Ordinal))
            .Select(t => t.FullName!).Distinct().Where(n => !viewed.Contains(n)).ToList();
        Assert.True(missing.Count == 0, "Cmdlet output types without a view: " + string.Join(", ", missing));
    }
}
