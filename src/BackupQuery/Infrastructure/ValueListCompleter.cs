using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace BackupQuery.PowerShell.Infrastructure;

/// <summary>
/// Tab completion from a list of documented values that Core owns. On its own it rejects nothing: for open sets (the
/// APIs add values over time, so validation would break working scripts). Closed sets add ValidateValueList.
/// </summary>
public abstract class ValueListCompleter(params string[] values) : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        Complete(values, wordToComplete);

    /// <summary>The <paramref name="values"/> that start with <paramref name="wordToComplete"/> (any case, quotes ignored), quoted where needed.</summary>
    internal static IEnumerable<CompletionResult> Complete(IEnumerable<string> values, string? wordToComplete)
    {
        var prefix = (wordToComplete ?? "").Trim('\'', '"');
        return values
            .Where(v => v.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Select(v => new CompletionResult(v.IndexOfAny([' ', ':']) >= 0 ? $"'{v}'" : v, v, CompletionResultType.ParameterValue, v));
    }
}
