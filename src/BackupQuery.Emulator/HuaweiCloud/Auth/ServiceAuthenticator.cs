using BackupQuery.Emulator.Hosting;
using Microsoft.AspNetCore.Http;

namespace BackupQuery.Emulator.HuaweiCloud;

/// <summary>
/// The API gateway's check in front of every service call: a live <c>X-Auth-Token</c> scoped to the URL's project, or
/// a valid AK/SK signature whose <c>X-Project-Id</c> (when sent) is the URL's project.
/// </summary>
internal sealed class ServiceAuthenticator(EmulatorOptions options, IamTokenStore tokens, AkSkVerifier signatures)
{
    /// <summary>Writes the 401 (or the service's unknown-project reply) and returns false when the call may not proceed.</summary>
    /// <param name="urlProjectId">The project in the URL, or null for calls outside a project (IAM).</param>
    /// <param name="unknownProject">Writes the service's own reply for a project id that does not exist.</param>
    public async Task<bool> AuthorizeAsync(HttpContext context, string? urlProjectId, Func<HttpContext, string, Task>? unknownProject = null)
    {
        var tokenValue = context.Request.Headers["X-Auth-Token"].ToString();
        IamToken? token = null;
        string? projectHeader = null;
        if (tokenValue.Length > 0)
        {
            token = tokens.Use(tokenValue, options.SessionCallLimit);
            if (token is null)
            {
                await HuaweiErrors.Unauthorized(context, "Incorrect IAM authentication information: the token is invalid or has expired");
                return false;
            }
        }
        else if (AkSkVerifier.IsSigned(context.Request))
        {
            var result = await signatures.VerifyAsync(context);
            if (!result.Success)
            {
                await HuaweiErrors.Unauthorized(context, result.Failure!);
                return false;
            }
            projectHeader = result.ProjectIdHeader;
        }
        else
        {
            await HuaweiErrors.Unauthorized(context, "Incorrect IAM authentication information: no X-Auth-Token and no AK/SK signature");
            return false;
        }

        if (urlProjectId is null) return true;
        if (!options.Projects.Any(p => p.Id == urlProjectId))
        {
            if (unknownProject is not null) await unknownProject(context, urlProjectId);
            else await HuaweiErrors.NotFound(context);
            return false;
        }
        if (token is not null && token.Project?.Id != urlProjectId)
        {
            await HuaweiErrors.Unauthorized(context, $"Incorrect IAM authentication information: the token is not scoped to project {urlProjectId}");
            return false;
        }
        if (projectHeader is not null && projectHeader != urlProjectId)
        {
            await HuaweiErrors.Unauthorized(context, "Incorrect IAM authentication information: X-Project-Id does not match the project in the URL");
            return false;
        }
        return true;
    }
}
