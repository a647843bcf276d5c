using BackupQuery.Emulator.HuaweiCloud;
using BackupQuery.Emulator.ZStack;
using BackupQuery.Http;
using BackupQuery.HuaweiCloud;
using BackupQuery.ZStack;
using FsCheck;
using FsCheck.Fluent;
using static BackupQuery.Core.Tests.Properties.Generators;

namespace BackupQuery.Core.Tests.Properties;

/// <summary>The client's encoders agree with the emulator's independent parsers for any input.</summary>
public sealed class EncodingProperties
{
    // '=', '<' and '>' make up every ZStack operator that may appear inside a value.
    private static readonly char[] NoOperator = ['a', 'Z', '0', ' ', '+', '~', '%', '&', '?', '!', '/', '-', '.', '_', ',', ':', '"', 'é', '中', '*'];

    [Fact]
    public void A_zstack_value_without_an_operator_round_trips_through_the_servers_parser() =>
        Prop.ForAll(Arb(AnyText(NoOperator).Where(v => v.Length > 0)), (string value) =>
        {
            var condition = ZStackCondition.Create("uuid", "=", value);
            // On the wire the condition is one percent-encoded q value; the server decodes it, then splits on the operator.
            var received = UriEncoding.Decode(UriEncoding.Encode(condition.ToString()));
            var parsed = QueryCondition.Parse(received, TimeZoneInfo.Utc);
            Assert.Equal(value, parsed.PinnedUuid);
        }).Check(Quick);

    [Fact]
    public void A_zstack_value_holding_an_operator_is_refused_never_mis_encoded() =>
        Prop.ForAll(Arb(Gen.Zip(AnyText(NoOperator), Gen.Elements("=", "<", ">", "!=", "~=", "?="), (text, op) => text + op + text)), (string value) =>
        {
            var error = Assert.Throws<BackupQueryException>(() => { ZStackCondition.Create("name", "=", value); });
            Assert.Equal(ApiErrorKind.InvalidArgument, error.Kind);
        }).Check(Quick);

    [Fact]
    public void The_huawei_canonical_query_equals_the_verifiers_for_any_keys_and_values()
    {
        // Few key characters, so keys that are prefixes of one another ("a", "a0", "a-") come up often.
        var key = AnyText(['a', 'b', '0', '-', '.', '~', '_', ' ', '+', '%', 'é']).Where(k => k.Length > 0);
        var pairs = Gen.Choose(0, 5).SelectMany(n => Gen.ListOf(Gen.Zip(key, AnyText()), n)).Select(l => l.ToList());
        Prop.ForAll(Arb(pairs), (List<(string, string)> query) =>
        {
            var sent = query.Select(p => new KeyValuePair<string, string>(p.Item1, p.Item2)).ToList();
            var raw = string.Join("&", sent.Select(p => UriEncoding.Encode(p.Key) + "=" + UriEncoding.Encode(p.Value)));
            Assert.Equal(SdkHmacSha256.CanonicalQuery(raw), SdkHmacSha256Signer.CanonicalQuery(sent));
        }).Check(Quick);
    }
}
