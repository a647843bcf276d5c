using System.Text;
using System.Text.RegularExpressions;
using BackupQuery.Http;

namespace BackupQuery.Text;

/// <summary>
/// A -Name that may hold PowerShell wildcards, matched as WildcardPattern does (case-insensitive): <c>*</c> any run,
/// <c>?</c> one character, <c>[abc]</c> / <c>[a-c]</c> one of a set, and a backtick makes the next character literal.
/// For APIs that match names exactly: a literal is sent to the server, a pattern is matched here.
/// </summary>
internal sealed class NamePattern
{
    private readonly Regex _regex;

    private NamePattern(string pattern, Regex regex)
    {
        Pattern = pattern;
        _regex = regex;
    }

    public string Pattern { get; }

    public bool IsMatch(string? name) => name is not null && _regex.IsMatch(name);

    /// <summary>The pattern, or null when <paramref name="name"/> holds no wildcard (then <see cref="Literal"/> is what to send).</summary>
    public static NamePattern? Parse(string? name, string parameter = "Name")
    {
        if (name is null || !HasWildcard(name)) return null;
        var regex = new StringBuilder("^");
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c == '`' && i + 1 < name.Length) regex.Append(Regex.Escape(name[++i].ToString()));
            else if (c == '*') regex.Append(".*");
            else if (c == '?') regex.Append('.');
            else if (c == '[')
            {
                var close = name.IndexOf(']', i + 1);
                if (close < 0) throw new BackupQueryException($"-{parameter} '{name}' opens a [set] that is not closed: close it, or write `[ for a literal [.", ApiErrorKind.InvalidArgument);
                regex.Append('[').Append(SetBody(name.Substring(i + 1, close - i - 1))).Append(']');
                i = close;
            }
            else regex.Append(Regex.Escape(c.ToString()));
        }
        return new NamePattern(name, new Regex(regex.Append('$').ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline));
    }

    /// <summary>A name without wildcards, backtick escapes removed: the exact name to send. Null for null or a pattern.</summary>
    public static string? Literal(string? name)
    {
        if (name is null || HasWildcard(name)) return null;
        var text = new StringBuilder(name.Length);
        for (var i = 0; i < name.Length; i++)
        {
            if (name[i] == '`' && i + 1 < name.Length) i++;
            text.Append(name[i]);
        }
        return text.ToString();
    }

    /// <summary>An unescaped <c>*</c>, <c>?</c> or <c>[</c>, as WildcardPattern.ContainsWildcardCharacters reads it.</summary>
    public static bool HasWildcard(string name)
    {
        for (var i = 0; i < name.Length; i++)
        {
            if (name[i] == '`') i++;
            else if (name[i] is '*' or '?' or '[') return true;
        }
        return false;
    }

    // Inside [ ]: ranges stay ranges; anything regex would read specially is escaped.
    private static string SetBody(string body)
    {
        var text = new StringBuilder();
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c == '`' && i + 1 < body.Length) c = body[++i];
            else if (c == '-' && i > 0 && i < body.Length - 1)
            {
                text.Append('-');
                continue;
            }
            text.Append(c is '\\' or ']' or '[' or '^' or '-' ? "\\" + c : c.ToString());
        }
        return text.ToString();
    }
}
