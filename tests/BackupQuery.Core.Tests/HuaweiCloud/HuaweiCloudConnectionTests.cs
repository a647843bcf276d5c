using System.Text.Json;
using BackupQuery.Core.Tests.Support;
using BackupQuery.Http;
using BackupQuery.HuaweiCloud;
using static BackupQuery.Core.Tests.HuaweiCloud.HuaweiCloudEmulator;

namespace BackupQuery.Core.Tests.HuaweiCloud;

/// <summary>Sign-in, project discovery, AK/SK signing and authentication errors against the emulator.</summary>
public class HuaweiCloudConnectionTests
{
    [Fact]
    public async Task Password_connection_gets_a_token_scoped_to_the_region_project()
    {
        await using var emulator = await HuaweiCloudEmulator.StartAsync();
        using var connection = await emulator.ConnectAsync();

        Assert.Equal(emulator.DataProjectId, connection.ProjectId);
        Assert.Equal(("Password", "HuaweiCloud", emulator.Region), (connection.AuthKind, connection.Provider, connection.Region));
        Assert.Equal(emulator.Options.HuaweiDomainName, connection.DomainName);
        Assert.True(connection.Connected);
        Assert.InRange(connection.TokenExpiresAt!.Value, DateTimeOffset.UtcNow.AddHours(23), DateTimeOffset.UtcNow.AddHours(25));
        Assert.Equal(1, emulator.Server.HuaweiCloud.TokenIssueCount);
        var signIn = Assert.Single(emulator.Requests("/iam/v3/auth/tokens"));
        Assert.Equal(201, signIn.Status);
    }

    [Fact]
    public async Task Access_key_connection_finds_the_project_by_region_name_and_signs_service_calls()
    {
        await using var emulator = await HuaweiCloudEmulator.StartAsync(o => o.CbrCount = 30);
        using var connection = await emulator.ConnectAsync(emulator.AccessKey());

        Assert.Equal(emulator.DataProjectId, connection.ProjectId);
        Assert.Equal("AccessKey", connection.AuthKind);
        Assert.Equal(emulator.Options.HuaweiAccessKeyId, connection.AccessKeyId);
        Assert.Equal(emulator.Region, Assert.Single(emulator.Requests("/iam/v3/projects")).Value("name"));

        var records = await ToListAsync(connection.GetCbrBackupsAsync(new CbrBackupQuery(), AllPages, CancellationToken.None));
        Assert.Equal(30, records.Count);
        var call = Assert.Single(emulator.Requests("/cbr/"));
        Assert.Equal(emulator.DataProjectId, call.Headers["X-Project-Id"]);
        Assert.StartsWith("SDK-HMAC-SHA256 Access=" + emulator.Options.HuaweiAccessKeyId + ", SignedHeaders=host;x-project-id;x-sdk-date, Signature=", call.Headers["Authorization"]);
        Assert.Equal(0, emulator.Server.HuaweiCloud.SignatureFailureCount);
    }

    [Fact]
    public async Task Temporary_access_key_sends_and_signs_the_security_token()
    {
        await using var emulator = await HuaweiCloudEmulator.StartAsync(o => o.VbsCount = 10);
        using var connection = await emulator.ConnectAsync(emulator.TemporaryAccessKey(), emulator.DataProjectId);
        Assert.Equal("TemporaryAccessKey", connection.AuthKind);

        var records = await ToListAsync(connection.GetVbsBackupsAsync(new VbsBackupQuery(), AllPages, CancellationToken.None));
        Assert.Equal(10, records.Count);
        var call = Assert.Single(emulator.Requests("/vbs/"));
        Assert.Equal(emulator.Options.HuaweiSecurityToken, call.Headers["X-Security-Token"]);
        Assert.Contains("x-security-token", call.Headers["Authorization"]);
        // The project was given: no lookup, only the one signed call that checks the key.
        var check = Assert.Single(emulator.Requests("/iam/"));
        Assert.Equal((200, emulator.Options.HuaweiSecurityToken), (check.Status, check.Headers["X-Security-Token"]));
    }

    [Fact]
    public async Task Bad_secret_key_is_an_authentication_error_with_the_request_id_and_is_never_retried()
    {
        await using var emulator = await HuaweiCloudEmulator.StartAsync();
        var error = await Assert.ThrowsAsync<ApiException>(() => emulator.ConnectAsync(emulator.AccessKey("wrong-secret")));

        Assert.Equal(ApiErrorKind.Authentication, error.Kind);
        Assert.Equal("APIGW.0301", error.ServiceCode);
        Assert.False(string.IsNullOrEmpty(error.RequestId));
        Assert.Contains(error.RequestId!, error.Message);
        Assert.Contains("lock", error.Message);
        Assert.DoesNotContain("wrong-secret", error.ToString());
        // One signature failure only: a retry would bring the key closer to the 5-failure lockout.
        Assert.Equal(1, emulator.Server.HuaweiCloud.SignatureFailureCount);
        Assert.Single(emulator.Requests("/iam/"));
    }

    [Fact]
    public async Task Bad_secret_key_with_a_given_project_fails_while_connecting_with_one_signed_IAM_call()
    {
        await using var emulator = await HuaweiCloudEmulator.StartAsync(o => o.CbrCount = 5);
        var error = await Assert.ThrowsAsync<ApiException>(() => emulator.ConnectAsync(emulator.AccessKey("wrong-secret"), emulator.DataProjectId));
        Assert.Equal(("APIGW.0301", ApiErrorKind.Authentication, "KeystoneListProjects"), (error.ServiceCode, error.Kind, error.Operation));
        Assert.Equal(1, emulator.Server.HuaweiCloud.SignatureFailureCount);
        Assert.Equal([401], emulator.Requests("/iam/v3/projects").Select(r => r.Status));
        Assert.Empty(emulator.Requests("/cbr/"));
    }

    [Fact]
    public async Task Bad_secret_key_with_the_check_skipped_fails_on_the_first_listing_once()
    {
        await using var emulator = await HuaweiCloudEmulator.StartAsync(o => o.CbrCount = 5);
        using var connection = await HuaweiCloudConnection.ConnectAsync(new HuaweiCloudConnectOptions
        {
            Region = emulator.Region,
            Credential = emulator.AccessKey("wrong-secret"),
            ProjectId = emulator.DataProjectId,
            Endpoints = emulator.Endpoints,
            SkipCredentialCheck = true,
        }, CancellationToken.None);
        Assert.Empty(emulator.Requests("/iam/"));
        var error = await Assert.ThrowsAsync<ApiException>(() => ToListAsync(connection.GetCbrBackupsAsync(new CbrBackupQuery(), AllPages, CancellationToken.None)));
        Assert.Equal(("APIGW.0301", ApiErrorKind.Authentication), (error.ServiceCode, error.Kind));
        Assert.Equal(1, emulator.Server.HuaweiCloud.SignatureFailureCount);
    }

    [Fact]
    public async Task Connections_made_from_one_credential_each_own_a_copy_of_its_secrets()
    {
        await using var emulator = await HuaweiCloudEmulator.StartAsync(o => o.CbrCount = 7);
        var credential = emulator.AccessKey();
        var first = await emulator.ConnectAsync(credential);
        using var second = await emulator.ConnectAsync(credential);
        // A region that failed to connect is disposed by ConnectAsync: it must not take the shared credential with it.
        await Assert.ThrowsAsync<BackupQueryException>(() => HuaweiCloudConnection.ConnectAsync(emulator.ConnectOptions(credential, region: "ap-southeast-1"), CancellationToken.None));
        first.Dispose();
        credential.Dispose();

        var records = await ToListAsync(second.GetCbrBackupsAsync(new CbrBackupQuery(), AllPages, CancellationToken.None));
        Assert.Equal(emulator.Server.HuaweiCloud.Cbr.Backups.Select(b => b.Id), records.Select(r => r.Id));
        Expect.Rejected(ApiErrorKind.Authentication, "connection 'emulator' is disconnected", () => first.GetCbrBackupsAsync(new CbrBackupQuery(), AllPages, CancellationToken.None));
    }

    [Fact]
    public async Task A_token_connection_names_its_project_in_X_Project_Id_as_the_SDKs_do()
    {
        await using var emulator = await HuaweiCloudEmulator.StartAsync(o => o.GeminiDbCount = 3);
        using var connection = await emulator.ConnectAsync();
        await ToListAsync(connection.GetGeminiDbBackupsAsync(new GeminiDbBackupQuery(), AllPages, CancellationToken.None));
        var call = Assert.Single(emulator.Requests("/gaussdb-nosql/"));
        Assert.Equal(emulator.DataProjectId, call.Headers["X-Project-Id"]);
        Assert.True(call.Headers.ContainsKey("X-Auth-Token"));
        Assert.All(emulator.Requests("/iam/"), r => Assert.False(r.Headers.ContainsKey("X-Project-Id")));
    }

    [Fact]
    public async Task Wrong_password_is_an_authentication_error()
    {
        await using var emulator = await HuaweiCloudEmulator.StartAsync();
        var error = await Assert.ThrowsAsync<ApiException>(() => emulator.ConnectAsync(emulator.Password("not-the-password")));
        Assert.Equal(ApiErrorKind.Authentication, error.Kind);
        Assert.Contains("password is wrong", error.Message);
        Assert.DoesNotContain("not-the-password", error.ToString());
        Assert.Single(emulator.Requests("/iam/v3/auth/tokens"));
    }

    [Fact]
    public async Task A_region_without_a_project_is_a_clear_error()
    {
        await using var emulator = await HuaweiCloudEmulator.StartAsync();
        var error = await Assert.ThrowsAsync<BackupQueryException>(() =>
            HuaweiCloudConnection.ConnectAsync(emulator.ConnectOptions(emulator.AccessKey(), region: "ap-southeast-1"), CancellationToken.None));
        Assert.Equal(ApiErrorKind.NotFound, error.Kind);
        Assert.Contains("ap-southeast-1", error.Message);
        Assert.Contains("-ProjectId", error.Message);
    }

    [Fact]
    public async Task Several_projects_named_like_the_region_is_a_clear_error()
    {
        await using var emulator = await HuaweiCloudEmulator.StartAsync(o => o.Projects.Add(new("aaaabbbbccccddddeeeeffff00001111", "cn-north-4")));
        var error = await Assert.ThrowsAsync<BackupQueryException>(() => emulator.ConnectAsync(emulator.AccessKey()));
        Assert.Equal(ApiErrorKind.InvalidArgument, error.Kind);
        Assert.Contains("aaaabbbbccccddddeeeeffff00001111", error.Message);
    }

    [Fact]
    public async Task Unknown_project_id_is_not_found()
    {
        await using var emulator = await HuaweiCloudEmulator.StartAsync();
        using var connection = await emulator.ConnectAsync(emulator.AccessKey(), "00000000000000000000000000000000");
        var error = await Assert.ThrowsAsync<ApiException>(() => ToListAsync(connection.GetCbrBackupsAsync(new CbrBackupQuery(), AllPages, CancellationToken.None)));
        Assert.Equal(ApiErrorKind.NotFound, error.Kind);
    }

    [Fact]
    public async Task The_connection_shows_no_secret()
    {
        await using var emulator = await HuaweiCloudEmulator.StartAsync();
        using var password = await emulator.ConnectAsync();
        using var temporary = await emulator.ConnectAsync(emulator.TemporaryAccessKey());

        foreach (var connection in new[] { password, temporary })
        {
            var shown = JsonSerializer.Serialize(connection) + connection;
            foreach (var secret in new[] { emulator.Options.HuaweiPassword, emulator.Options.HuaweiTemporarySecretAccessKey, emulator.Options.HuaweiSecurityToken })
            {
                Assert.DoesNotContain(secret, shown);
            }
            Assert.Contains("\"ProjectId\":\"" + emulator.DataProjectId, shown);
            Assert.Equal(5, connection.Endpoints.Count);
        }
    }

    [Fact]
    public async Task Disconnect_forgets_the_token()
    {
        await using var emulator = await HuaweiCloudEmulator.StartAsync();
        using var connection = await emulator.ConnectAsync();
        await connection.DisconnectAsync(CancellationToken.None);

        Assert.False(connection.Connected);
        Assert.Null(connection.TokenExpiresAt);
        Expect.Rejected(ApiErrorKind.Authentication, "connection 'emulator' is disconnected", () => connection.GetCbrBackupsAsync(new CbrBackupQuery(), AllPages, CancellationToken.None));
        Assert.Empty(emulator.Requests("/cbr/"));
    }
}
