using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace BackupQuery.PowerShell.Infrastructure;

/// <summary>Completes -Connection with the names of this runspace's connections of one type (local state only).</summary>
public abstract class ConnectionNameCompleter(Type connectionType) : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        Complete(connectionType, wordToComplete);

    /// <summary>The names of this runspace's <paramref name="connectionType"/> connections that start with <paramref name="wordToComplete"/>, quoted where needed.</summary>
    internal static IEnumerable<CompletionResult> Complete(Type connectionType, string? wordToComplete)
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

/// <summary>Completes -Name of Get-ZStackConnection and Get-HuaweiCloudConnection: the names of the command's provider.</summary>
public sealed class GetConnectionNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        ProviderSurface.OfGetConnectionCommand(commandName) is { } provider ? ConnectionNameCompleter.Complete(provider.ConnectionType, wordToComplete) : [];
}
