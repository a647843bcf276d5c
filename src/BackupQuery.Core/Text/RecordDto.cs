using BackupQuery.Records;
using System.Text.Json.Serialization;

namespace BackupQuery.Text;

/// <summary>Base of the wire shape of one record: collects the values of its members (nested objects included) that
/// the tolerant converters turned into null.</summary>
internal abstract class RecordDto : IJsonOnDeserializing, IJsonOnDeserialized
{
    private List<OddValue>? _oddValues;

    /// <summary>What could not be read, in the order met. Internal, so never serialized.</summary>
    internal IReadOnlyList<OddValue> OddValues => _oddValues ?? (IReadOnlyList<OddValue>)[];

    internal void Add(OddValue value) => (_oddValues ??= []).Add(value);

    void IJsonOnDeserializing.OnDeserializing() => OddValueTrail.Enter(this);

    void IJsonOnDeserialized.OnDeserialized() => OddValueTrail.Leave(this);
}
