using System.Net.Http;

namespace BackupQuery.Http;

/// <summary>
/// What a provider's messages call things, so the one pipeline can find a request id and hide credentials without
/// naming any provider: each <see cref="IApiProtocol"/> supplies its own.
/// </summary>
internal sealed class ProtocolVocabulary(IReadOnlyList<string> requestIdHeaders, IReadOnlyList<string> secretHeaders, IReadOnlyList<string> secretMembers)
{
    /// <summary>Headers that carry a request id: the reply's first, else the same names among what was sent (a client-chosen job id).</summary>
    public IReadOnlyList<string> RequestIdHeaders { get; } = requestIdHeaders;

    public SecretMasker Masker { get; } = new(secretHeaders, secretMembers);

    /// <summary>The request id of a reply, or of the message it answers; null when neither names one.</summary>
    public string? RequestIdOf(HttpResponseMessage response, HttpRequestMessage? message = null)
    {
        foreach (var name in RequestIdHeaders)
        {
            if (response.Headers.TryGetValues(name, out var values)) return values.FirstOrDefault();
        }
        var sent = message ?? response.RequestMessage;
        foreach (var name in RequestIdHeaders)
        {
            if (sent?.Headers.TryGetValues(name, out var values) == true) return values.FirstOrDefault();
        }
        return null;
    }
}
