using System.Net.Http;
using System.Text.Json;
using BackupQuery.Http;

namespace BackupQuery.HuaweiCloud;

/// <summary>
/// IAM <c>GET /v3/projects?name=&lt;region&gt;</c> (KeystoneListProjects, spec §4): the project id of a region, which must be
/// exactly one project; and, the same call made for its signature alone, the check of an access key.
/// </summary>
internal static class IamProjectLookup
{
    public static async Task<string> FindAsync(ApiPipeline pipeline, HuaweiCloudEndpoints endpoints, CancellationToken cancellationToken)
    {
        var reply = await ListAsync(pipeline, endpoints, cancellationToken).ConfigureAwait(false);

        // Trust the filter, but not blindly: a server that ignores it would return every project.
        var matches = (reply?.Projects ?? []).Where(p => p.Name == endpoints.Region && !string.IsNullOrEmpty(p.Id)).ToList();
        return matches.Count switch
        {
            1 => matches[0].Id!,
            0 => throw new BackupQueryException($"IAM lists no project named '{endpoints.Region}' for this identity: check -Region, or give -ProjectId.", ApiErrorKind.NotFound),
            _ => throw new BackupQueryException($"IAM lists {matches.Count} projects named '{endpoints.Region}' ({string.Join(", ", matches.Select(p => p.Id))}): give -ProjectId to choose one.", ApiErrorKind.InvalidArgument),
        };
    }

    /// <summary>
    /// One signed call that proves the access key: a wrong key fails here (401, APIGW.0301) instead of at the first
    /// listing. A 403 passes: the key was accepted, the identity just may not list projects (it named its project).
    /// </summary>
    public static async Task CheckAccessKeyAsync(ApiPipeline pipeline, HuaweiCloudEndpoints endpoints, CancellationToken cancellationToken)
    {
        try
        {
            await ListAsync(pipeline, endpoints, cancellationToken).ConfigureAwait(false);
        }
        catch (ApiException e) when (e.Kind == ApiErrorKind.PermissionDenied)
        {
        }
    }

    private static Task<IamProjectsReply?> ListAsync(ApiPipeline pipeline, HuaweiCloudEndpoints endpoints, CancellationToken cancellationToken)
    {
        var request = new ApiRequest(HttpMethod.Get, endpoints[HuaweiCloudService.Iam], "v3/projects", "KeystoneListProjects")
            .AddQuery("name", endpoints.Region);
        return pipeline.SendAsync(request,
            (stream, ct) => new ValueTask<IamProjectsReply?>(JsonSerializer.DeserializeAsync(stream, HuaweiCloudJsonContext.Default.IamProjectsReply, ct).AsTask()),
            r => r?.Projects?.Count, cancellationToken);
    }
}
