using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;

namespace BackupQuery.Core.Tests.Properties;

/// <summary>Inputs for the property tests: text that stresses encoders and parsers, and arbitrary JSON values.</summary>
internal static class Generators
{
    /// <summary>Every property runs this many cases: enough to find edge cases, small enough for the shared machine.</summary>
    public static readonly Config Quick = Config.QuickThrowOnFailure.WithMaxTest(300);

    private static readonly char[] Tricky = ['a', 'Z', '0', '9', ' ', '+', '~', '%', '&', '=', '?', '/', '-', '.', '_', ',', ':', '"', '\\', 'é', '中', '\u00A0', '\t', '*'];

    /// <summary>Short strings over letters, digits, reserved and unicode characters (surrogate pairs included).</summary>
    public static Gen<string> AnyText(char[]? alphabet = null) =>
        ListOf(Gen.OneOf(Gen.Elements(alphabet ?? Tricky).Select(c => c.ToString()), Gen.Constant("😀")), 0, 12).Select(parts => string.Concat(parts));

    private static Gen<T[]> ListOf<T>(Gen<T> item, int min, int max) => Gen.Choose(min, max).SelectMany(n => Gen.ArrayOf(item, n));

    /// <summary>Any JSON value: scalars of every type, and objects and arrays nested a few levels.</summary>
    public static Gen<JsonNode?> Json() => Gen.Sized(size => Json(Math.Min(size, 3)));

    private static Gen<JsonNode?> Json(int depth)
    {
        var scalar = Gen.OneOf(
            Gen.Constant<JsonNode?>(null),
            Gen.Elements(true, false).Select(b => (JsonNode?)JsonValue.Create(b)),
            Gen.Choose(int.MinValue, int.MaxValue).Select(i => (JsonNode?)JsonValue.Create(i)),
            Gen.Elements(0.5, -1e300, 1e300, 12.0, double.Epsilon, 9.3e18, -9.3e18).Select(d => (JsonNode?)JsonValue.Create(d)),
            AnyText().Select(s => (JsonNode?)JsonValue.Create(s)),
            Gen.Elements("n/a", "not-a-date", "2019-05-27T03:38:51+0000", "Jan 2, 2024 3:04:05 PM", "1.268224E7", "", " ", "NaN", "-0", "true", "99999999999999999999")
                .Select(s => (JsonNode?)JsonValue.Create(s)));
        if (depth <= 0) return scalar;
        var child = Json(depth - 1);
        return Gen.OneOf(
            scalar,
            ListOf(child, 0, 3).Select(items => (JsonNode?)new JsonArray(items.Select(i => i?.DeepClone()).ToArray())),
            ListOf(Gen.Zip(AnyText(), child), 0, 3).Select(members =>
            {
                var o = new JsonObject();
                foreach (var (key, value) in members) o[key] = value?.DeepClone();
                return (JsonNode?)o;
            }));
    }

    public static Arbitrary<T> Arb<T>(Gen<T> gen) => FsCheck.Fluent.Arb.From(gen);
}
