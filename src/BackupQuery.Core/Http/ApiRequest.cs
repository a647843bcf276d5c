using System.Net.Http;

namespace BackupQuery.Http;

/// <summary>
/// One call to a provider API, described before it is sent: the pipeline turns it into an HTTP message,
/// the authenticator signs it, and the log prints it with the sensitive parts masked.
/// </summary>
internal sealed class ApiRequest
{
    public ApiRequest(HttpMethod method, Uri baseAddress, string path, string operation)
    {
        Method = method;
        BaseAddress = baseAddress;
        Path = path;
        Operation = operation;
    }

    public HttpMethod Method { get; }

    /// <summary>Service root, scheme to path prefix (e.g. <c>http://node:8080/zstack/</c>).</summary>
    public Uri BaseAddress { get; }

    /// <summary>Path below <see cref="BaseAddress"/>, segments already escaped (e.g. <c>v1/database-backups</c>).</summary>
    public string Path { get; }

    /// <summary>API operation name for logs and errors (e.g. <c>QueryDatabaseBackup</c>).</summary>
    public string Operation { get; }

    /// <summary>Query parameters with their unencoded values, in order; a key may repeat.</summary>
    public List<KeyValuePair<string, string>> Query { get; } = [];

    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public byte[]? Body { get; init; }

    public string ContentType { get; init; } = "application/json;charset=UTF-8";

    /// <summary>A login call: sent without credentials, never renewed, bodies never logged.</summary>
    public bool IsLogin { get; init; }

    /// <summary>Query keys whose values are secrets (an ssh URL with a password): masked in every log line.</summary>
    public HashSet<string> SensitiveQueryKeys { get; } = new(StringComparer.Ordinal);

    public ApiRequest AddQuery(string key, string? value)
    {
        if (value is not null) Query.Add(new(key, value));
        return this;
    }

    /// <summary>Adds the query parameter that says which page this is (<c>offset</c>, <c>start</c>, <c>marker</c>): errors name it.</summary>
    public ApiRequest AddPageQuery(string key, string? value)
    {
        if (value is not null) PagePosition = $"{key} {value}";
        return AddQuery(key, value);
    }

    public ApiRequest AddPageQuery(string key, long value) => AddPageQuery(key, value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Which page of a listing this request asks for, as its paging parameter shows it (<c>offset 2100</c>); null outside a listing.</summary>
    public string? PagePosition { get; private set; }

    public ApiRequest AddQuery(string key, long? value) => value is null ? this : AddQuery(key, value.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public ApiRequest AddQuery(string key, bool? value) => value is null ? this : AddQuery(key, value.Value ? "true" : "false");

    /// <summary>The absolute URI path the server sees (base path prefix plus <see cref="Path"/>), without the query.</summary>
    public string AbsolutePath => BaseAddress.AbsolutePath.TrimEnd('/') + "/" + Path.TrimStart('/');

    /// <summary>A path segment that is itself a secret (a session id in a logout URL): replaced by *** wherever the path is shown.</summary>
    public string? SensitivePathSegment { get; init; }

    /// <summary>The path as logs and errors show it, with <see cref="SensitivePathSegment"/> masked.</summary>
    public string DisplayPath => string.IsNullOrEmpty(SensitivePathSegment) ? AbsolutePath : AbsolutePath.Replace(SensitivePathSegment!, "***");

    /// <summary>Encoded query string without '?', in the order the parameters were added.</summary>
    public string EncodedQuery(bool maskSecrets = false) => string.Join("&", Query.Select(p =>
        UriEncoding.Encode(p.Key) + "=" + (maskSecrets && SensitiveQueryKeys.Contains(p.Key) ? "***" : UriEncoding.Encode(p.Value))));

    public Uri RequestUri
    {
        get
        {
            var query = EncodedQuery();
            var root = BaseAddress.GetLeftPart(UriPartial.Authority);
            return new Uri(root + AbsolutePath + (query.Length == 0 ? "" : "?" + query));
        }
    }
}
