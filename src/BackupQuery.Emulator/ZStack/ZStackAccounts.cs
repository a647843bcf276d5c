using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BackupQuery.Emulator.Hosting;
using Microsoft.AspNetCore.Http;

namespace BackupQuery.Emulator.ZStack;

/// <summary>LogInByAccount, LogInByUser, ValidateSession and LogOut (spec §2).</summary>
internal sealed class ZStackAccounts(EmulatorOptions options, ZStackSessions sessions)
{
    /// <summary>The uuid ZStack gives its initial admin account.</summary>
    public const string AdminAccountUuid = "36c27e8ff05c4780bf6d2fa65700f22e";

    private string UserUuid => StableHash.Hex(options.Seed, 0, 300, 32);

    /// <summary>Lowercase hex SHA-512 of the UTF-8 password: what clients send instead of the password.</summary>
    public static string HashPassword(string password) => Convert.ToHexString(SHA512.HashData(Encoding.UTF8.GetBytes(password))).ToLowerInvariant();

    public async Task LogInByAccount(HttpContext context)
    {
        // Older releases wrapped the same fields in "logIn".
        var body = await ReadBody(context, "logInByAccount", "logIn");
        var accountName = Text(body, "accountName");
        var password = Text(body, "password");
        if (accountName != options.ZStackAccountName || password != HashPassword(options.ZStackPassword))
            throw WrongCredentials("wrong account name or password");
        await WriteSession(context, sessions.Open(AdminAccountUuid, AdminAccountUuid, "AccountVO"));
    }

    public async Task LogInByUser(HttpContext context)
    {
        var body = await ReadBody(context, "logInByUser");
        var accountName = Text(body, "accountName");
        var accountUuid = Text(body, "accountUuid");
        var accountMatches = accountName is not null ? accountName == options.ZStackAccountName : accountUuid == AdminAccountUuid;
        if (!accountMatches || Text(body, "userName") != options.ZStackUserName || Text(body, "password") != HashPassword(options.ZStackUserPassword))
            throw WrongCredentials("wrong account, user name or password");
        await WriteSession(context, sessions.Open(AdminAccountUuid, UserUuid, "UserVO"));
    }

    public Task Validate(HttpContext context)
    {
        var valid = sessions.IsValid((string)context.Request.RouteValues["uuid"]!);
        return ZStackJson.WriteAsync(context.Response, w =>
        {
            w.WriteStartObject();
            w.WriteBoolean("valid", valid);
            w.WriteEndObject();
        });
    }

    /// <summary>Answers 200 <c>{}</c> whether or not the session exists, with or without an Authorization header.</summary>
    public Task LogOut(HttpContext context)
    {
        sessions.Logout((string)context.Request.RouteValues["uuid"]!);
        return ZStackJson.WriteAsync(context.Response, w =>
        {
            w.WriteStartObject();
            w.WriteEndObject();
        });
    }

    private static ZStackFailure WrongCredentials(string details) => ZStackFailure.Envelope("ID.1000", "Wrong account name or password", details);

    private static async Task<JsonElement> ReadBody(HttpContext context, params string[] keys)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        }
        catch (JsonException)
        {
            throw ZStackFailure.PlainText(400, "the body is not valid JSON");
        }
        using (document)
        {
            foreach (var key in keys)
            {
                if (document.RootElement.ValueKind == JsonValueKind.Object
                    && document.RootElement.TryGetProperty(key, out var inner)
                    && inner.ValueKind == JsonValueKind.Object)
                    return inner.Clone();
            }
        }
        throw ZStackFailure.PlainText(400, $"the body doesn't contain the API message key '{keys[0]}'");
    }

    private static string? Text(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private Task WriteSession(HttpContext context, ZStackSession session)
    {
        var zone = options.ZStackTimeZone;
        return ZStackJson.WriteAsync(context.Response, w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("inventory");
            w.WriteString("uuid", session.Uuid);
            w.WriteString("accountUuid", session.AccountUuid);
            w.WriteString("userUuid", session.UserUuid);
            w.WriteString("userType", session.UserType);
            w.WriteString("expiredDate", ZStackDates.FormatJava(session.ExpiredDate, zone));
            w.WriteString("createDate", ZStackDates.FormatJava(session.CreateDate, zone));
            w.WriteBoolean("noSessionEvaluation", false);
            w.WriteEndObject();
            w.WriteEndObject();
        });
    }
}
