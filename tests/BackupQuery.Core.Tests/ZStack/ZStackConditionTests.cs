using BackupQuery.Core.Tests.Support;
using BackupQuery.Http;
using BackupQuery.ZStack;

namespace BackupQuery.Core.Tests.ZStack;

public class ZStackConditionTests
{
    [Theory]
    [InlineData("status=Ready", "status", "=", "Ready")]
    [InlineData("size>=1048576", "size", ">=", "1048576")]
    [InlineData("size<=10", "size", "<=", "10")]
    [InlineData("name~=db-backup-00%", "name", "~=", "db-backup-00%")]
    [InlineData("name!~=tmp%", "name", "!~=", "tmp%")]
    [InlineData("state?=Enabled,Disabled", "state", "?=", "Enabled,Disabled")]
    [InlineData("state!?=Disabled", "state", "!?=", "Disabled")]
    [InlineData("status!=Creating", "status", "!=", "Creating")]
    [InlineData("size>5", "size", ">", "5")]
    [InlineData("size<5", "size", "<", "5")]
    [InlineData("description is null", "description", " is null", "")]
    [InlineData("description not null", "description", " not null", "")]
    [InlineData("backupStorageRefs.backupStorageUuid=abc", "backupStorageRefs.backupStorageUuid", "=", "abc")]
    [InlineData("createDate>=2024-03-01 00:00:00", "createDate", ">=", "2024-03-01 00:00:00")]
    public void ParsesEveryOperatorAsTheServerWould(string text, string field, string op, string value)
    {
        var condition = ZStackCondition.Parse(text);
        Assert.Equal((field, op, value), (condition.Field, condition.Operator, condition.Value));
        Assert.Equal(text, condition.ToString());
    }

    [Theory]
    [InlineData("name=a>b", "the value 'a>b' for 'name' contains the operator '>'")] // the server would split at '=' then keep '>' in the value
    [InlineData("name=x!=y", "'name=x' is not a field name")]                        // '!=' is tested first: the field would be 'name=x'
    [InlineData("status", "'status' has no operator")]
    [InlineData("=Ready", "'=Ready' has no operator")]                               // no field
    [InlineData("description is null x", "'description is null x' has text after 'is null'")]
    [InlineData("na me=x", "'na me' is not a field name")]
    public void RejectsConditionsTheServerWouldMisread(string text, string named)
    {
        var error = Expect.Rejected(ApiErrorKind.InvalidArgument, named, () => ZStackCondition.Parse(text));
        Assert.StartsWith("Invalid ZStack filter", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("db-backup", "name=db-backup")]
    [InlineData("db-*", "name~=db-%")]
    [InlineData("db-backup-0000?", "name~=db-backup-0000_")]
    public void NameWildcardsBecomeALikeQuery(string pattern, string expected) =>
        Assert.Equal(expected, ZStackCondition.ForName("name", pattern).ToString());

    [Fact]
    public void SeveralValuesBecomeAnInList()
    {
        Assert.Equal("uuid?=a,b", ZStackCondition.ForAny("uuid", ["a", "b"]).ToString());
        Assert.Equal("uuid=a", ZStackCondition.ForAny("uuid", ["a"]).ToString());
        Expect.Rejected(ApiErrorKind.InvalidArgument, "a value for 'name' contains ','", () => ZStackCondition.ForAny("name", ["a,b"]));
    }

    [Fact]
    public void TimeBoundsAreServerLocalTimestampValues()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var condition = ZStackCondition.ForTime("createDate", ">=", new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero), zone);
        Assert.Equal("createDate>=2024-03-01 08:00:00", condition.ToString());
    }

    [Fact]
    public void QueryOrdersItsConditionsAndBuildsTheSort()
    {
        var query = new ZStackDatabaseBackupQuery { Name = "db*", Status = ["Ready"], Filter = ["size>10"], SortBy = "createDate", Descending = true };
        Assert.Equal(["name~=db%", "status=Ready", "size>10"], query.Conditions(TimeZoneInfo.Utc).Select(c => c.ToString()));
        Assert.Equal("-createDate", query.Sort);
        Assert.Equal("+name", new ZStackDatabaseBackupQuery { SortBy = "name" }.Sort);
    }
}
