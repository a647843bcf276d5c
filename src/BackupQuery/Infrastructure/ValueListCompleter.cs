using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace BackupQuery.PowerShell.Infrastructure;

/// <summary>
/// Tab completion from a fixed list of documented values, without rejecting others (the APIs add values over time,
/// so a ValidateSet would break working scripts).
/// </summary>
public abstract class ValueListCompleter(params string[] values) : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var prefix = (wordToComplete ?? "").Trim('\'', '"');
        return values
            .Where(v => v.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Select(v => new CompletionResult(v.IndexOfAny([' ', ':']) >= 0 ? $"'{v}'" : v, v, CompletionResultType.ParameterValue, v));
    }
}
