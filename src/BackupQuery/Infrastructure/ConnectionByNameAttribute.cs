using System.Collections;
using System.Management.Automation;
using BackupQuery.Connections;

namespace BackupQuery.PowerShell.Infrastructure;

/// <summary>
/// Lets -Connection take names as well as connection objects: each string becomes this runspace's connection of that
/// name and type (wildcards allowed, several matches bind them all). An unknown name fails the binding with a message
/// that says where the names come from.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class ConnectionByNameAttribute(Type connectionType) : ArgumentTransformationAttribute
{
    public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
    {
        var items = Unwrap(inputData) is IEnumerable list and not string ? list.Cast<object>().Select(Unwrap) : [Unwrap(inputData)];
        var result = new List<object?>();
        foreach (var item in items)
        {
            if (item is not string name)
            {
                result.Add(item);
                continue;
            }
            var matches = RunspaceConnections.Matching(connectionType, name);
            if (matches.Count == 0)
            {
                throw new ArgumentTransformationMetadataException(connectionType == typeof(IBackupConnection)
                    ? ProviderSurface.NoConnectionOfAnyProviderNamed(name)
                    : ProviderSurface.Of(connectionType).NoConnectionNamed(name));
            }
            result.AddRange(matches);
        }
        return result.ToArray();
    }

    private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;
}
