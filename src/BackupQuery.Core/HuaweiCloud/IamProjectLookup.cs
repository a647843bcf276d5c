using System.Net.Http;
using System.Text.Json;
using BackupQuery.Http;

namespace BackupQuery.HuaweiCloud;

/// <summary>The project id of a region: IAM <c>GET /v3/projects?name=&lt;region&gt;</c> must name exactly one project.</summary>
internal static class IamProjectLookup
{
    public static async Task<string> FindAsync(ApiPipeline pipeline, HuaweiCloudEndpoints endpoints, CancellationToken cancellationToken)
    {
        var request = new ApiRequest(HttpMethod.Get, endpoints[HuaweiCloudEndpoints.Iam], "v3/projects", "KeystoneListProjects")
            .AddQuery("name", endpoints.Region);
        var reply = await pipeline.SendAsync(request,
            (stream, ct) => new ValueTask<IamProjectsReply?>(JsonSerializer.DeserializeAsync(stream, HuaweiCloudJsonContext.Default.IamProjectsReply, ct).AsTask()),
            r => r?.Projects?.Count, cancellationToken).ConfigureAwait(false);

        // Trust the filter, but not blindly: a server that ignores it would return every project.
        var matches = (reply?.Projects ?? []).Where(p => p.Name == endpoints.Region && !string.IsNullOrEmpty(p.Id)).ToList();
        return matches.Count switch
        {
            1 => matches[0].Id!,
            0 => throw new BackupQueryException($"IAM lists no project named '{endpoints.Region}' for this identity: check -Region, or give -ProjectId.", ApiErrorKind.NotFound),
            _ => throw new BackupQueryException($"IAM lists {matches.Count} projects named '{endpoints.Region}' ({string.Join(", ", matches.Select(p => p.Id))}): give -ProjectId to choose one.", ApiErrorKind.InvalidArgument),
        };
    }
}
