using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using BackupQuery.HuaweiCloud;
using BackupQuery.ZStack;

namespace BackupQuery.Text;

/// <summary>
/// Tells each tolerant converter the JSON name of the member it reads, so a report can name the field. The source
/// generator makes one converter instance per member; walking the wire-shape contexts once pairs them up.
/// </summary>
internal static class TolerantMembers
{
    private static readonly Lazy<bool> Named = new(NameAll);

    public static string NameOf(JsonConverter converter)
    {
        _ = Named.Value;
        return converter switch
        {
            FlexibleInt64Converter c => c.Field,
            FlexibleDoubleConverter c => c.Field,
            FlexibleBooleanConverter c => c.Field,
            FlexibleStringConverter c => c.Field,
            TolerantShapeConverter.IShaped c => c.Owner.Field,
            _ => null,
        } ?? "?";
    }

    private static bool NameAll()
    {
        var seen = new HashSet<Type>();
        var huawei = HuaweiCloudJsonContext.Default.Options;
        foreach (var type in new[] { typeof(GeminiDbBackupsReply), typeof(RdsBackupsReply), typeof(VbsBackupsReply), typeof(CbrBackupsReply), typeof(IamProjectsReply),
            typeof(DatabaseInstancesReply), typeof(CbrVaultsReply), typeof(CbrProtectablesReply) })
        {
            Walk(huawei.GetTypeInfo(type), huawei, seen);
        }
        var zstack = ZStackJsonContext.Default.Options;
        foreach (var type in new[] { typeof(ZStackQueryReply<DatabaseBackupInventory>), typeof(ImageStoreReply), typeof(DatabaseBackupMetadataDto),
            typeof(ZStackQueryReply<VolumeInventory>), typeof(ZStackQueryReply<VolumeBackupInventory>), typeof(ZStackQueryReply<SchedulerJobInventory>) })
        {
            Walk(zstack.GetTypeInfo(type), zstack, seen);
        }
        return true;
    }

    private static void Walk(JsonTypeInfo type, JsonSerializerOptions options, HashSet<Type> seen)
    {
        if (!seen.Add(type.Type)) return;
        if (type.Kind == JsonTypeInfoKind.Enumerable && type.Type.IsGenericType) Walk(options.GetTypeInfo(type.Type.GetGenericArguments()[0]), options, seen);
        if (type.Kind != JsonTypeInfoKind.Object) return;
        foreach (var member in type.Properties)
        {
            switch (member.CustomConverter)
            {
                case FlexibleInt64Converter c: c.Field = member.Name; break;
                case FlexibleDoubleConverter c: c.Field = member.Name; break;
                case FlexibleBooleanConverter c: c.Field = member.Name; break;
                case FlexibleStringConverter c: c.Field = member.Name; break;
                case TolerantShapeConverter c:
                    c.Field = member.Name;
                    Walk(options.GetTypeInfo(member.PropertyType), options, seen);
                    break;
                default: Walk(options.GetTypeInfo(member.PropertyType), options, seen); break;
            }
        }
    }
}
