using System.Management.Automation;
using BackupQuery.ZStack;

namespace BackupQuery.PowerShell.ZStack;

/// <summary>
/// Base of the ZStack Get-* cmdlets over a QueryX API (<see cref="ZStackQueryListing"/>): the parameters every such
/// API takes the same way (raw conditions, server-side sort, page size). Each cmdlet names its Core query's sort fields,
/// which -SortBy completes.
/// </summary>
public abstract class ZStackQueryListingCmdlet : ZStackListingCmdlet
{
    [Parameter(HelpMessage = "Raw ZStack query conditions, e.g. 'size>1048576' or 'description is null'.")]
    [ValidateNotNullOrEmpty]
    public string[]? Filter { get; set; }

    [Parameter(HelpMessage = "Field the server sorts by, in any case; Tab lists the documented fields.")]
    [ArgumentCompleter(typeof(ZStackSortFieldCompleter))]
    [ValidateNotNullOrEmpty]
    public string? SortBy { get; set; }

    [Parameter(HelpMessage = "Sort descending (with -SortBy).")]
    public SwitchParameter Descending { get; set; }

    [Parameter(HelpMessage = "Records per request (default 1000); a hint to the server, never a cap on the results.")]
    [ValidateRange(1, ZStackQueryListing.MaxPageSize)]
    public int PageSize { get; set; } = ZStackQueryListing.DefaultPageSize;

    protected override int? RequestedPageSize => PageSize;

    /// <summary>The fields the server sorts this API by: the static list on the cmdlet's Core query.</summary>
    private protected abstract IReadOnlyList<string> SortFields { get; }

    private static readonly Lazy<Dictionary<string, IReadOnlyList<string>>> SortFieldsByCommand = new(() =>
        typeof(ZStackQueryListingCmdlet).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(ZStackQueryListingCmdlet).IsAssignableFrom(t))
            .Select(t => (Cmdlet: (CmdletAttribute)Attribute.GetCustomAttribute(t, typeof(CmdletAttribute))!, Type: t))
            .ToDictionary(c => $"{c.Cmdlet.VerbName}-{c.Cmdlet.NounName}", c => ((ZStackQueryListingCmdlet)Activator.CreateInstance(c.Type)!).SortFields,
                StringComparer.OrdinalIgnoreCase));

    /// <summary>The sort fields of the ZStack cmdlet <paramref name="commandName"/> (module-qualified or not), or none.</summary>
    internal static IReadOnlyList<string> SortFieldsOf(string? commandName) =>
        SortFieldsByCommand.Value.TryGetValue(commandName?.Substring(commandName.LastIndexOf('\\') + 1) ?? "", out var fields) ? fields : [];
}
