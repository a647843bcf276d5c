using System.Text.RegularExpressions;
using BackupQuery.PowerShell.Tests.Support;

namespace BackupQuery.PowerShell.Tests;

/// <summary>
/// README's "A first session", run as written against the emulator (its address put in for 127.0.0.1:5080): every
/// command succeeds without a warning, and every command that lists backups prints records (or, into a CSV, writes rows)
/// on whatever day the test runs.
/// </summary>
public sealed class ReadmeFirstSessionTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private const string ReadmeAddress = "http://127.0.0.1:5080";

    /// <summary>The powershell blocks of the section, in order.</summary>
    private static List<string> FirstSessionBlocks()
    {
        var readme = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "README.md")).Replace("\r\n", "\n");
        var start = readme.IndexOf("\n## A first session", StringComparison.Ordinal);
        Assert.True(start >= 0, "README has no 'A first session' section.");
        var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var section = readme.Substring(start, end - start);
        return Regex.Matches(section, "```powershell\n(?<code>.*?)```", RegexOptions.Singleline).Select(m => m.Groups["code"].Value).ToList();
    }

    [Fact]
    public void EveryCommandOfTheFirstSessionPrintsRecords()
    {
        var blocks = FirstSessionBlocks();
        Assert.Equal(2, blocks.Count);
        var folder = Directory.CreateTempSubdirectory("bq-readme-");
        try
        {
            using var ps = PowerShellSession.Start();
            ps.Run("Set-Location -LiteralPath $args[0]", folder.FullName).Succeeded();
            var listed = new List<string>();
            foreach (var block in blocks)
            {
                var code = block.Replace(ReadmeAddress, emulator.Url);
                // The statements as PowerShell parses them (a pipeline over several lines is one), comments left out.
                var statements = ps.Run("[System.Management.Automation.Language.Parser]::ParseInput($args[0], [ref]$null, [ref]$null).EndBlock.Statements | ForEach-Object { $_.Extent.Text }", code)
                    .Succeeded().Objects.Cast<string>().ToList();
                foreach (var statement in statements)
                {
                    // The session here has imported the module README's Import-Module line names.
                    if (statement.StartsWith("Import-Module ", StringComparison.Ordinal)) continue;
                    var result = ps.Run(statement).Succeeded();
                    Assert.True(result.Warnings.Count == 0, $"'{statement}' warned: {string.Join("; ", result.Warnings)}");
                    if (!Regex.IsMatch(statement, @"\bGet-(ZStack|Cbr|Vbs|Rds)\w*Backup\b")) continue;
                    listed.Add(statement);
                    var csv = Regex.Match(statement, @"Export-Csv\s+(?<file>\S+)");
                    if (csv.Success)
                    {
                        var rows = File.ReadAllLines(Path.Combine(folder.FullName, csv.Groups["file"].Value));
                        Assert.True(rows.Length > 1, $"'{statement}' wrote no rows.");
                    }
                    else
                    {
                        Assert.True(result.Output.Count > 0, $"'{statement}' printed nothing.");
                    }
                }
            }
            Assert.True(listed.Count >= 8, $"Only {listed.Count} listing commands found in README's first session.");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
