using System.Text.Json;
using System.Text.Json.Nodes;
using BackupQuery.HuaweiCloud;
using BackupQuery.ZStack;
using BackupQuery.Text;
using FsCheck;
using FsCheck.Fluent;
using static BackupQuery.Core.Tests.Properties.Generators;

namespace BackupQuery.Core.Tests.Properties;

/// <summary>
/// A record whose fields are replaced by arbitrary JSON values is still read and mapped: no exception; a field that
/// cannot hold the value is null on the record and reported by name; the next record of the page is untouched.
/// </summary>
public sealed class RecordReadingProperties
{
    private static readonly string[] CbrFields = ["id", "name", "status", "resource_size", "created_at", "incremental", "version", "description", "vault_id", "extend_info", "children", "replication_records"];
    private static readonly string[] ZStackFields = ["uuid", "name", "size", "createDate", "lastOpDate", "metadata", "status", "state", "backupStorageRefs"];

    private static Gen<(string Field, JsonNode? Value)[]> Replacements(string[] fields) =>
        Gen.Choose(1, 4).SelectMany(n => Gen.ArrayOf(Gen.Zip(Gen.Elements(fields), Json(), (f, v) => (f, v)), n));

    [Fact]
    public void A_cbr_record_of_arbitrary_values_is_read_with_nulls_and_reports() =>
        Prop.ForAll(Arb(Replacements(CbrFields)), replacements =>
        {
            var odd = new JsonObject { ["id"] = "odd-one", ["name"] = "n", ["resource_size"] = 40, ["created_at"] = "2024-01-02T03:04:05Z" };
            Apply(odd, replacements);
            var page = new JsonObject { ["backups"] = new JsonArray(odd, new JsonObject { ["id"] = "next", ["resource_size"] = 1 }), ["count"] = 2 };

            var reply = JsonSerializer.Deserialize(page.ToJsonString(), HuaweiCloudJsonContext.Replies.Contract<CbrBackupsReply>())!;
            var mapper = new HuaweiCloudRecordMapper("c", "r", "p");
            var records = reply.Backups!.Select(mapper.Map).ToList();

            Assert.Equal(2, records.Count);
            Assert.Equal(("next", 1L), (records[1].Id, records[1].ResourceSizeGB!.Value));
            Assert.Empty(records[1].OddValues);
            AssertReported(records[0].OddValues, replacements, ["id", "name", "status", "resource_size", "created_at", "description", "vault_id"]);
        }).Check(Quick);

    [Fact]
    public void A_zstack_record_of_arbitrary_values_is_read_with_nulls_and_reports() =>
        Prop.ForAll(Arb(Replacements(ZStackFields)), replacements =>
        {
            var odd = new JsonObject { ["uuid"] = "odd-one", ["name"] = "n", ["size"] = 40, ["createDate"] = "Jan 2, 2024 3:04:05 PM" };
            Apply(odd, replacements);
            var page = new JsonObject { ["inventories"] = new JsonArray(odd, new JsonObject { ["uuid"] = "next", ["size"] = 1 }), ["total"] = 2 };

            var reply = JsonSerializer.Deserialize(page.ToJsonString(), ZStackJsonContext.Replies.Contract<ZStackQueryReply<DatabaseBackupInventory>>())!;
            var mapper = new ZStackRecordMapper(TimeZoneInfo.Utc, "c");
            var records = reply.Inventories!.Select(mapper.Map).ToList();

            Assert.Equal(2, records.Count);
            Assert.Equal(("next", 1L), (records[1].Id, records[1].SizeBytes!.Value));
            Assert.Empty(records[1].OddValues);
            AssertReported(records[0].OddValues, replacements, ["uuid", "name", "size", "createDate", "status"]);
        }).Check(Quick);

    [Fact]
    public void An_odd_value_in_a_cbr_child_is_reported_on_its_parent_under_the_member_name()
    {
        const string page = """{"backups":[{"id":"parent","children":[{"id":"child","resource_size":"n/a"}]}],"count":1}""";
        var reply = JsonSerializer.Deserialize(page, HuaweiCloudJsonContext.Replies.Contract<CbrBackupsReply>())!;
        var parent = new HuaweiCloudRecordMapper("c", "r", "p").Map(reply.Backups![0]);
        Assert.Equal([new BackupQuery.Records.OddValue("children.resource_size", "\"n/a\"")], parent.OddValues);
        Assert.Null(Assert.Single(parent.Children!).ResourceSizeGB);
    }

    private static void Apply(JsonObject record, (string Field, JsonNode? Value)[] replacements)
    {
        foreach (var (field, value) in replacements) record[field] = value?.DeepClone();
    }

    /// <summary>A scalar field given an object or array is reported under its own name.</summary>
    private static void AssertReported(IReadOnlyList<BackupQuery.Records.OddValue> reported, (string Field, JsonNode? Value)[] replacements, string[] scalars)
    {
        var last = replacements.GroupBy(r => r.Field).Select(g => g.Last());
        foreach (var (field, value) in last.Where(r => scalars.Contains(r.Field) && r.Value is JsonObject or JsonArray))
        {
            Assert.Contains(reported, o => o.Field == field);
        }
    }
}
