using BackupQuery.PowerShell.Tests.Support;

namespace BackupQuery.PowerShell.Tests;

/// <summary>Get-Help -Online: every cmdlet's HelpUri is its page in docs/ under the manifest's ProjectUri.</summary>
public sealed class OnlineHelpTests
{
    [Fact]
    public void EveryCmdletPointsAtItsDocsPageUnderTheProjectUri()
    {
        using var ps = PowerShellSession.Start();
        var rows = ps.Run("""
            $project = (Get-Module BackupQuery).ProjectUri.AbsoluteUri.TrimEnd('/')
            Get-Command -Module BackupQuery -CommandType Cmdlet | ForEach-Object { "$($_.Name)`t$($_.HelpUri)`t$project" }
            """).Succeeded().Objects.Cast<string>().Select(r => r.Split('\t')).ToList();

        Assert.True(rows.Count >= 11, $"Only {rows.Count} cmdlets.");
        Assert.All(rows, r =>
        {
            var (name, uri, project) = (r[0], r[1], r[2]);
            Assert.StartsWith("https://", project);
            Assert.Equal($"{project}/blob/main/docs/{name}.md", uri);
            Assert.True(File.Exists(Path.Combine(TestPaths.RepositoryRoot, "docs", name + ".md")), $"{uri} names no page in docs/.");
        });
    }
}
