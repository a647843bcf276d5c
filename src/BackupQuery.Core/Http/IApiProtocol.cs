using System.Net.Http;

namespace BackupQuery.Http;

/// <summary>What differs between providers in the one request pipeline: how a request is authenticated, how an error
/// reply reads, how an expired credential is renewed, and what the provider's headers are called.</summary>
internal interface IApiProtocol
{
    string Provider { get; }

    /// <summary>The provider's request-id headers and the headers and JSON members that carry its credentials.</summary>
    ProtocolVocabulary Vocabulary { get; }

    /// <summary>Adds the credential (session header, token, or signature) to a message about to be sent; returns the
    /// generation of the credential used (see <see cref="TryRenewCredentialAsync"/>).</summary>
    ValueTask<int> AuthenticateAsync(HttpRequestMessage message, ApiRequest request, CancellationToken cancellationToken);

    /// <summary>Turns a non-success reply into a typed error (the body is already read, possibly empty).</summary>
    ApiException ReadError(ApiRequest request, HttpResponseMessage response, string body);

    /// <summary>True when the error says the session or token is no longer valid.</summary>
    bool IsCredentialExpired(ApiException error);

    /// <summary>Logs in again unless the credential of generation <paramref name="expired"/> was already replaced (one
    /// sign-in however many requests met the expiry); false when the connection holds nothing to log in with.</summary>
    ValueTask<bool> TryRenewCredentialAsync(int expired, CancellationToken cancellationToken);
}
