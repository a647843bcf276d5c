using System.Net;
using System.Net.Http;
using BackupQuery.Http;
using BackupQuery.HuaweiCloud;

namespace BackupQuery.Core.Tests.HuaweiCloud;

public class HuaweiCloudErrorsTests
{
    private static readonly ApiRequest Request = new(HttpMethod.Get, new Uri("https://cbr.cn-north-4.myhuaweicloud.com/"), "v3/p/backups", "ListBackups");

    [Fact]
    public void Gateway_shape()
    {
        var body = HuaweiCloudErrors.Parse("{\"error_code\":\"APIGW.0301\",\"error_msg\":\"Incorrect IAM authentication information\",\"request_id\":\"abc123\"}");
        Assert.Equal(new HuaweiCloudErrors.ErrorBody("APIGW.0301", "Incorrect IAM authentication information", "abc123"), body);
    }

    [Fact]
    public void Code_message_shape()
    {
        var body = HuaweiCloudErrors.Parse("{\"code\":\"DBS.200001\",\"message\":\"Invalid parameter\"}");
        Assert.Equal("DBS.200001", body.Code);
        Assert.Equal("Invalid parameter", body.Message);
    }

    [Fact]
    public void Nested_shape_and_numeric_code_is_no_service_code()
    {
        var vbs = HuaweiCloudErrors.Parse("{\"error\":{\"code\":\"VolumeBackup.0036\",\"message\":\"Failed to query backups\"}}");
        Assert.Equal(("VolumeBackup.0036", "Failed to query backups"), (vbs.Code, vbs.Message));
        var iam = HuaweiCloudErrors.Parse("{\"error\":{\"code\":401,\"message\":\"The username or password is wrong.\",\"title\":\"Unauthorized\"}}");
        Assert.Null(iam.Code);
        Assert.Equal("The username or password is wrong.", iam.Message);
    }

    [Theory]
    [InlineData("<html><body>502 Bad Gateway</body></html>")]
    [InlineData("{not json")]
    [InlineData("[1,2]")]
    public void Non_json_becomes_the_message(string text)
    {
        var body = HuaweiCloudErrors.Parse(text);
        Assert.Null(body.Code);
        Assert.Equal(text, body.Message);
    }

    [Fact]
    public void Long_text_is_shortened_and_empty_is_null()
    {
        Assert.True(HuaweiCloudErrors.Parse(new string('x', 2000)).Message!.Length < 510);
        Assert.Null(HuaweiCloudErrors.Parse("").Message);
    }

    [Theory]
    [InlineData(401, "APIGW.0301", ApiErrorKind.Authentication, false)]
    [InlineData(401, "APIG.0301", ApiErrorKind.Authentication, false)]
    [InlineData(403, "APIGW.0302", ApiErrorKind.PermissionDenied, false)]
    [InlineData(404, "APIGW.0101", ApiErrorKind.NotFound, false)]
    [InlineData(400, "DBS.200001", ApiErrorKind.InvalidArgument, false)]
    [InlineData(400, "BackupService.6001", ApiErrorKind.InvalidArgument, false)]
    [InlineData(400, "VolumeBackup.0036", ApiErrorKind.InvalidArgument, false)]
    [InlineData(429, "APIGW.0308", ApiErrorKind.Throttled, true)]
    [InlineData(500, null, ApiErrorKind.ServiceError, false)]
    [InlineData(502, null, ApiErrorKind.ServiceUnavailable, true)]
    [InlineData(503, null, ApiErrorKind.ServiceUnavailable, true)]
    [InlineData(504, null, ApiErrorKind.ServiceUnavailable, true)]
    public void Classification(int status, string? code, ApiErrorKind kind, bool transient)
    {
        var (k, _, t) = HuaweiCloudErrors.Classify(status, code, accessKeyAuth: true, isLogin: false, message: null);
        Assert.Equal((kind, transient), (k, t));
    }

    [Fact]
    public void Access_key_authentication_error_mentions_the_lockout_and_carries_the_request_id()
    {
        var error = HuaweiCloudErrors.Create(Request, HttpStatusCode.Unauthorized, "Unauthorized", null, null,
            "{\"error_code\":\"APIGW.0301\",\"error_msg\":\"verify aksk signature fail\",\"request_id\":\"rid-1\"}", accessKeyAuth: true);
        Assert.Equal(ApiErrorKind.Authentication, error.Kind);
        Assert.Equal("rid-1", error.RequestId);
        Assert.Equal("HuaweiCloud.APIGW.0301", error.ErrorId);
        Assert.Contains("lock", error.Message);
        Assert.Contains("rid-1", error.Message);
    }

    [Fact]
    public void Header_request_id_wins_and_throttling_without_retry_after_is_left_to_the_backoff()
    {
        var error = HuaweiCloudErrors.Create(Request, (HttpStatusCode)429, "Too Many Requests", "hdr-1", null,
            "{\"error_code\":\"APIGW.0308\",\"error_msg\":\"policy user over ratelimit\",\"request_id\":\"body-1\"}", accessKeyAuth: false);
        Assert.Equal("hdr-1", error.RequestId);
        Assert.True(error.IsTransient);
        // No fixed 2-5 s wait: the connection's adaptive limit slows down, and the retry backs off exponentially.
        Assert.Equal(ApiErrorKind.Throttled, error.Kind);
        Assert.Null(error.RetryAfter);
    }

    [Fact]
    public void Mfa_sign_in_is_reported_as_unsupported()
    {
        var login = new ApiRequest(HttpMethod.Post, new Uri("https://iam.myhuaweicloud.com/"), "v3/auth/tokens", "KeystoneCreateUserTokenByPassword") { IsLogin = true };
        var error = HuaweiCloudErrors.Create(login, HttpStatusCode.Unauthorized, null, null, null,
            "{\"error\":{\"code\":\"401\",\"message\":\"MFA verification code required\"}}", accessKeyAuth: false);
        Assert.Contains("access key", error.Message);
        Assert.Equal(ApiErrorKind.Authentication, error.Kind);
    }
}
