using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace BackupQuery.Text;

/// <summary>
/// Reply contracts whose tolerant converters know their member's name: as each type's contract is resolved, every
/// tolerant converter on it is replaced by one built for that member (<see cref="ITolerantMember.For"/>), so a report
/// can name the field. Nothing is filled in afterwards and no list of reply types is kept: a provider reads its
/// replies through <see cref="Named"/> options over its own source-generated context.
/// </summary>
internal static class TolerantMembers
{
    /// <summary>Options resolving contracts from <paramref name="context"/>, tolerant members named.</summary>
    public static JsonSerializerOptions Named(IJsonTypeInfoResolver context) => new() { TypeInfoResolver = context.WithAddedModifier(NameMembers) };

    /// <summary>The contract of <typeparamref name="T"/> in <paramref name="options"/>.</summary>
    public static JsonTypeInfo<T> Contract<T>(this JsonSerializerOptions options) => (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));

    private static void NameMembers(JsonTypeInfo type)
    {
        foreach (var member in type.Properties)
        {
            if (member.CustomConverter is ITolerantMember tolerant) member.CustomConverter = tolerant.For(member.Name);
        }
    }
}
