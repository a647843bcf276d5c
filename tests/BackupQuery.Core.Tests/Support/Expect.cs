using BackupQuery.Http;

namespace BackupQuery.Core.Tests.Support;

public static class Expect
{
    /// <summary>The action fails before any request with this kind of error, and the message names the input at fault.</summary>
    public static BackupQueryException Rejected(ApiErrorKind kind, string named, Action action)
    {
        var error = Assert.Throws<BackupQueryException>(action);
        Assert.Equal(kind, error.Kind);
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        return error;
    }
}
