using System.Management.Automation;

namespace BackupQuery.PowerShell.Infrastructure;

/// <summary>
/// ValidateSet over a closed list that Core owns (a static <c>IReadOnlyList&lt;string&gt;</c> field), so the cmdlet
/// never repeats it. Matching ignores case, as ValidateSet does; Core sends the documented spelling. Pair it with a
/// <see cref="ValueListCompleter"/> of the same list for Tab.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class ValidateValueListAttribute(Type owner, string field) : ValidateEnumeratedArgumentsAttribute
{
    /// <summary>The allowed values (what Get-Command's parameter metadata and the tests read).</summary>
    public IReadOnlyList<string> ValidValues { get; } =
        owner.GetField(field)?.GetValue(null) as IReadOnlyList<string>
        ?? throw new ArgumentException($"{owner.FullName}.{field} is not a static list of strings.", nameof(field));

    protected override void ValidateElement(object element)
    {
        var value = (element is PSObject wrapped ? wrapped.BaseObject : element)?.ToString();
        if (value is null || !ValidValues.Contains(value, StringComparer.OrdinalIgnoreCase))
        {
            throw new ValidationMetadataException($"'{value}' is not one of the allowed values: {string.Join(", ", ValidValues)}.");
        }
    }
}
