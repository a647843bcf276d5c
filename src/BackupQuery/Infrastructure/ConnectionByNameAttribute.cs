using System.Collections;
using System.Management.Automation;

namespace BackupQuery.PowerShell.Infrastructure;

/// <summary>
/// Lets -Connection take names as well as connection objects: each string becomes this runspace's connection of that
/// name and type (wildcards allowed, several matches bind them all). An unknown name fails the binding with a message
/// that says where the names come from; so does a connection that was serialized (Start-Job, Invoke-Command), which
/// arrives as a property bag without its session.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class ConnectionByNameAttribute(Type connectionType) : ArgumentTransformationAttribute
{
    public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
    {
        var items = Unwrap(inputData) is IEnumerable list and not string ? list.Cast<object>() : [inputData];
        var result = new List<object?>();
        foreach (var item in items.Select(ThrowIfSerialized).Select(Unwrap))
        {
            if (item is not string name)
            {
                result.Add(item);
                continue;
            }
            var matches = RunspaceConnections.Matching(connectionType, name);
            if (matches.Count == 0) throw new ArgumentTransformationMetadataException(ProviderSurface.Of(connectionType).NoConnectionNamed(name));
            result.AddRange(matches);
        }
        return result.ToArray();
    }

    private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;

    private object? ThrowIfSerialized(object? value)
    {
        if (value is PSObject { BaseObject: PSCustomObject } bag && bag.TypeNames.Any(t => t.StartsWith(DeserializedPrefix, StringComparison.Ordinal) && t.EndsWith("Connection", StringComparison.Ordinal)))
        {
            var provider = ProviderSurface.Of(connectionType);
            throw new ArgumentTransformationMetadataException(
                $"This {provider.Name} connection is a copy from another session (Start-Job, Invoke-Command, Receive-Job): connections live in the session (runspace) that made them, with their sign-in, and cannot be passed on. Import the module and run {provider.ConnectCommand} inside the job (or use ForEach-Object -Parallel or Start-ThreadJob, which can share a connection of this process).");
        }
        return value;
    }

    private const string DeserializedPrefix = "Deserialized.BackupQuery.";
}
