using BackupQuery.Emulator.Hosting;
using Microsoft.AspNetCore.Http;

namespace BackupQuery.Emulator.HuaweiCloud;

/// <summary><c>GET /iam/v3/projects[?name=region]</c>: the configured projects; zero or several matches are just listed.</summary>
internal sealed class IamProjectsEndpoint(EmulatorOptions options, IamIdentity identity, ServiceAuthenticator auth)
{
    public async Task HandleAsync(HttpContext context)
    {
        if (!await auth.AuthorizeAsync(context, null)) return;
        var name = context.Request.Query["name"].LastOrDefault();
        var projects = options.Projects.Where(p => name is null || p.Name == name).ToList();
        var self = $"{context.Request.Scheme}://{context.Request.Host}/iam/v3/projects";
        await HuaweiJson.WriteAsync(context, StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("projects");
            foreach (var p in projects)
            {
                w.WriteStartObject();
                w.WriteString("id", p.Id);
                w.WriteString("name", p.Name);
                w.WriteString("domain_id", identity.DomainId);
                w.WriteString("parent_id", identity.DomainId);
                w.WriteBoolean("enabled", true);
                w.WriteBoolean("is_domain", false);
                w.WriteString("description", "");
                w.WriteStartObject("links");
                w.WriteString("self", $"{self}/{p.Id}");
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartObject("links");
            w.WriteString("self", self + context.Request.QueryString.Value);
            w.WriteNull("previous");
            w.WriteNull("next");
            w.WriteEndObject();
            w.WriteEndObject();
        });
    }
}
