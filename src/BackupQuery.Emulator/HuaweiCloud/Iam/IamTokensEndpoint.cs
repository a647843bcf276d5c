using System.Text.Json;
using BackupQuery.Emulator.Hosting;
using Microsoft.AspNetCore.Http;

namespace BackupQuery.Emulator.HuaweiCloud;

/// <summary><c>POST /iam/v3/auth/tokens[?nocatalog=true]</c>: password authentication, token in <c>X-Subject-Token</c>.</summary>
internal sealed class IamTokensEndpoint(IamIdentity identity, IamTokenStore tokens)
{
    private sealed record Scope(EmulatorProject? Project, bool Domain);

    public async Task HandleAsync(HttpContext context)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        }
        catch (JsonException)
        {
            await BadRequest(context, "The request body is not valid JSON.");
            return;
        }

        using (document)
        {
            if (!TryGet(document.RootElement, out var identityElement, "auth", "identity") ||
                !TryGet(identityElement, out var methods, "methods") || methods.ValueKind != JsonValueKind.Array ||
                !methods.EnumerateArray().Any(m => m.ValueKind == JsonValueKind.String && m.GetString() == "password") ||
                !TryGet(identityElement, out var user, "password", "user"))
            {
                await BadRequest(context, "The request body must carry auth.identity.methods [\"password\"] and auth.identity.password.user.");
                return;
            }

            if (!identity.PasswordMatches(Text(user, "domain", "name"), Text(user, "name"), Text(user, "password")))
            {
                await HuaweiErrors.Nested(context, StatusCodes.Status401Unauthorized, "401", "The username or password is wrong.", "Unauthorized");
                return;
            }

            var scope = ReadScope(document.RootElement);
            if (scope is null)
            {
                await BadRequest(context, "The project in auth.scope does not exist.");
                return;
            }

            var token = tokens.Issue(scope.Project);
            context.Response.Headers["X-Subject-Token"] = token.Value;
            await HuaweiJson.WriteAsync(context, StatusCodes.Status201Created, w => WriteToken(w, token, scope));
        }
    }

    /// <summary>Null when a named project is unknown; a scope-less request gets an unscoped token.</summary>
    private Scope? ReadScope(JsonElement root)
    {
        if (TryGet(root, out var project, "auth", "scope", "project"))
        {
            var found = Text(project, "id") is { } id ? identity.ProjectById(id) : identity.ProjectByName(Text(project, "name"));
            return found is null ? null : new Scope(found, false);
        }
        return new Scope(null, TryGet(root, out _, "auth", "scope", "domain"));
    }

    private void WriteToken(System.Text.Json.Utf8JsonWriter w, IamToken token, Scope scope)
    {
        w.WriteStartObject();
        w.WriteStartObject("token");
        w.WriteString("expires_at", HuaweiJson.IamTime(token.ExpiresAt));
        w.WriteString("issued_at", HuaweiJson.IamTime(token.IssuedAt));
        w.WriteStartArray("methods");
        w.WriteStringValue("password");
        w.WriteEndArray();
        if (scope.Project is { } p)
        {
            w.WriteStartObject("project");
            w.WriteString("id", p.Id);
            w.WriteString("name", p.Name);
            WriteDomain(w);
            w.WriteEndObject();
        }
        else if (scope.Domain)
        {
            w.WritePropertyName("domain");
            WriteDomainObject(w);
        }
        w.WriteStartArray("roles");
        foreach (var (id, name) in new[] { ("0", "te_admin"), ("1", "op_gated_cbr"), ("2", "readonly") })
        {
            w.WriteStartObject();
            w.WriteString("id", id);
            w.WriteString("name", name);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartObject("user");
        WriteDomain(w);
        w.WriteString("id", identity.UserId);
        w.WriteString("name", identity.UserName);
        w.WriteString("password_expires_at", "");
        w.WriteEndObject();
        w.WriteStartArray("catalog"); // Always empty: clients take endpoints from their configuration.
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private void WriteDomain(System.Text.Json.Utf8JsonWriter w)
    {
        w.WritePropertyName("domain");
        WriteDomainObject(w);
    }

    private void WriteDomainObject(System.Text.Json.Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("id", identity.DomainId);
        w.WriteString("name", identity.DomainName);
        w.WriteEndObject();
    }

    private static Task BadRequest(HttpContext context, string message) =>
        HuaweiErrors.Nested(context, StatusCodes.Status400BadRequest, "400", message, "Bad Request");

    private static bool TryGet(JsonElement element, out JsonElement found, params string[] path)
    {
        found = element;
        foreach (var name in path)
            if (found.ValueKind != JsonValueKind.Object || !found.TryGetProperty(name, out found)) return false;
        return true;
    }

    private static string? Text(JsonElement element, params string[] path) =>
        TryGet(element, out var found, path) && found.ValueKind == JsonValueKind.String ? found.GetString() : null;
}
