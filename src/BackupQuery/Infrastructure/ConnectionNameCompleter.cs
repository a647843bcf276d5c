using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace BackupQuery.PowerShell.Infrastructure;

/// <summary>Completes -Connection with the names of this runspace's connections of one type (local state only).</summary>
public abstract class ConnectionNameCompleter(Type connectionType) : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        foreach (var connection in RunspaceConnections.Matching(connectionType, (wordToComplete ?? "").Trim('\'', '"') + "*"))
        {
            var text = connection.Name.IndexOfAny([' ', '\'', '"', '$', '`', ',', ';', '(', ')', '{', '}', '@', '#']) >= 0
                ? "'" + connection.Name.Replace("'", "''") + "'"
                : connection.Name;
            yield return new CompletionResult(text, connection.Name, CompletionResultType.ParameterValue, connection.ToString());
        }
    }
}
