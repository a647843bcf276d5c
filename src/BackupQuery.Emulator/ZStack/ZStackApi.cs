using System.Text.Json;
using BackupQuery.Emulator.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;

namespace BackupQuery.Emulator.ZStack;

/// <summary>The ZStack half: sessions, AccessKey auth, QueryDatabaseBackup, GetDatabaseBackupFromImageStore, QueryVolume, QueryVolumeBackup, QuerySchedulerJob.</summary>
public sealed class ZStackApi
{
    /// <summary>The servlet context path: the AccessKey string-to-sign uses the path after it.</summary>
    public const string ContextPath = "/zstack";

    private readonly EmulatorOptions _options;
    private readonly ZStackAccounts _accounts;
    private readonly List<(string Method, TemplateMatcher Matcher)> _routes = [];

    /// <param name="startedAt">The emulator's start: coverage fixtures are dated back from it.</param>
    public ZStackApi(EmulatorOptions options, DateTimeOffset startedAt)
    {
        _options = options;
        Sessions = new ZStackSessions(options);
        Backups = new ZStackDatabaseBackupData(options);
        Volumes = new ZStackVolumeData(options, startedAt, Backups.BackupStorageUuids);
        ImageStore = new ImageStoreScan(options);
        _accounts = new ZStackAccounts(options, Sessions);
    }

    public ZStackSessions Sessions { get; }

    /// <summary>The QueryDatabaseBackup dataset as typed records (generated on demand).</summary>
    public ZStackDatabaseBackupData Backups { get; }

    /// <summary>Volumes, volume backups and scheduler jobs (QueryVolume, QueryVolumeBackup, QuerySchedulerJob).</summary>
    public ZStackVolumeData Volumes { get; }

    public ImageStoreScan ImageStore { get; }

    /// <summary>Successful logins (account and user) since start.</summary>
    public int LoginCount => Sessions.LoginCount;

    /// <summary>The SHA-512 hex a client must send as the login password.</summary>
    public static string HashPassword(string password) => ZStackAccounts.HashPassword(password);

    public void ExpireSessions() => Sessions.ExpireAll();

    public void Map(WebApplication app, EmulatorServer server)
    {
        Route(app, "PUT", "/v1/accounts/login", _accounts.LogInByAccount, authenticated: false);
        Route(app, "PUT", "/v1/accounts/users/login", _accounts.LogInByUser, authenticated: false);
        Route(app, "GET", "/v1/accounts/sessions/{uuid}/valid", _accounts.Validate, authenticated: false);
        // The official SDK logs out without Authorization: the session id in the path is enough.
        Route(app, "DELETE", "/v1/accounts/sessions/{uuid}", _accounts.LogOut, authenticated: false);
        Route(app, "GET", "/v1/database-backups", QueryDatabaseBackup, authenticated: true);
        // A literal segment outranks {uuid}, so image-store is never taken for a backup uuid.
        Route(app, "GET", "/v1/database-backups/image-store", GetDatabaseBackupFromImageStore, authenticated: true);
        Route(app, "GET", "/v1/database-backups/{uuid}", QueryDatabaseBackup, authenticated: true);
        Route(app, "GET", "/v1/volumes", QueryVolume, authenticated: true);
        Route(app, "GET", "/v1/volumes/{uuid}", QueryVolume, authenticated: true);
        Route(app, "GET", "/v1/volume-backups", QueryVolumeBackup, authenticated: true);
        Route(app, "GET", "/v1/volume-backups/{uuid}", QueryVolumeBackup, authenticated: true);
        Route(app, "GET", "/v1/scheduler/jobs", QuerySchedulerJob, authenticated: true);
        Route(app, "GET", "/v1/scheduler/jobs/{uuid}", QuerySchedulerJob, authenticated: true);
        // Everything else under the context: ZStack's plain-text 404/405 (the catch-all has the lowest precedence).
        app.Map(ContextPath + "/{**rest}", Handle(NoMapping, authenticated: false));
    }

    private void Route(WebApplication app, string method, string template, Func<HttpContext, Task> handler, bool authenticated)
    {
        _routes.Add((method, new TemplateMatcher(TemplateParser.Parse(ContextPath + template), new RouteValueDictionary())));
        app.MapMethods(ContextPath + template, [method], Handle(handler, authenticated));
    }

    private RequestDelegate Handle(Func<HttpContext, Task> handler, bool authenticated) => async context =>
    {
        try
        {
            if (authenticated) Authenticate(context);
            await handler(context);
        }
        catch (ZStackFailure failure) when (!context.Response.HasStarted)
        {
            await failure.WriteAsync(context.Response);
        }
        catch (Exception e) when (e is not OperationCanceledException && !context.Response.HasStarted)
        {
            await ZStackFailure.PlainText(500, "internal error: " + e.Message).WriteAsync(context.Response);
        }
    };

    private void Authenticate(HttpContext context)
    {
        var request = context.Request;
        var header = request.Headers.Authorization.ToString();
        if (header.Length == 0) throw ZStackFailure.PlainText(400, "missing header 'Authorization'");
        // Exactly "<scheme> <credential>": the server splits on one space.
        var parts = header.Split(' ');
        if (parts is ["OAuth", var sessionUuid])
        {
            if (Sessions.Touch(sessionUuid) is null) throw ZStackFailure.InvalidSession($"the session[uuid:{sessionUuid}] is invalid or expired");
            return;
        }
        if (parts is ["ZStack", var credential])
        {
            var uri = request.Path.Value![ContextPath.Length..];
            ZStackAccessKeyVerifier.Verify(credential, request.Method, uri, request.Headers.Date.ToString(), _options);
            return;
        }
        throw ZStackFailure.PlainText(400, "invalid header 'Authorization', expected 'OAuth <session uuid>' or 'ZStack <AccessKeyId>:<Signature>'");
    }

    private Task QueryDatabaseBackup(HttpContext context)
    {
        var zone = _options.ZStackTimeZone;
        var listing = _options.HeadInserts.Over(Backups.Count, i => Backups[i],
            n => new ZStackDatabaseBackup(-1 - n, $"inserted{n:D26}", $"inserted-{n}", TimeZoneInfo.Utc) { Status = "Ready", State = "Enabled" });
        return QueryAsync(context, ZStackBackupFields.Inventory, listing, Backups.FindByUuid, (w, b, fields) => ZStackBackupJson.Write(w, b, fields, zone));
    }

    private Task QueryVolume(HttpContext context) =>
        QueryAsync(context, ZStackVolumeFields.Volume, Volumes.Volumes, Volumes.FindVolume, (w, v, fields) => ZStackVolumeFields.Write(w, v, fields, _options.ZStackTimeZone));

    private Task QueryVolumeBackup(HttpContext context) =>
        QueryAsync(context, ZStackVolumeFields.VolumeBackup, Volumes.Backups, Volumes.FindBackup, (w, b, fields) => ZStackVolumeFields.Write(w, b, fields, _options.ZStackTimeZone));

    private Task QuerySchedulerJob(HttpContext context) =>
        QueryAsync(context, ZStackVolumeFields.SchedulerJob, Volumes.Jobs, Volumes.FindJob, (w, j, fields) => ZStackVolumeFields.Write(w, j, fields, _options.ZStackTimeZone));

    /// <summary>Any Query* API: conditions, paging, count, sort and fields over <paramref name="data"/>, streamed as <c>inventories</c>.</summary>
    private Task QueryAsync<T>(HttpContext context, ZStackInventory<T> inventory, IReadOnlyList<T> data, Func<string, T?> findByUuid,
        Action<Utf8JsonWriter, T, IReadOnlySet<string>?> write) where T : class
    {
        var query = ZStackQuery<T>.Parse(context.Request.Query, _options.ZStackTimeZone, inventory, (string?)context.Request.RouteValues["uuid"]);
        var execution = query.Execute(data, findByUuid);
        if (query.Count)
        {
            return ZStackJson.WriteAsync(context.Response, w =>
            {
                w.WriteStartObject();
                w.WriteNumber("total", execution.Total());
                w.WriteEndObject();
            });
        }
        return ZStackJson.WriteAsync(context.Response, async (w, flush) =>
        {
            w.WriteStartObject();
            w.WriteStartArray("inventories");
            var written = 0;
            foreach (var record in execution.Page())
            {
                write(w, record, query.Fields);
                if (++written % 100 == 0) await flush();
            }
            w.WriteEndArray();
            if (query.ReplyWithCount) w.WriteNumber("total", execution.Total());
            w.WriteEndObject();
        });
    }

    private Task GetDatabaseBackupFromImageStore(HttpContext context)
    {
        ImageStore.Scan(context.Request.Query["url"].FirstOrDefault(), context.Request.Query["registryPort"].FirstOrDefault());
        return ZStackJson.WriteAsync(context.Response, ImageStore.WriteReply);
    }

    private Task NoMapping(HttpContext context)
    {
        var path = context.Request.Path.Value!;
        var allowed = _routes.Where(r => r.Matcher.TryMatch(path, new RouteValueDictionary())).Select(r => r.Method).Distinct().ToList();
        if (allowed.Count == 0) throw ZStackFailure.PlainText(404, $"no api mapping to [{context.Request.Method}]{path}");
        context.Response.Headers.Allow = string.Join(", ", allowed);
        throw ZStackFailure.PlainText(405, $"the method[{context.Request.Method}] is not supported by {path}, supported: {string.Join(", ", allowed)}");
    }
}
