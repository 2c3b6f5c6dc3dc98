using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace NotebookRunner.Execution.Engines.Roslyn;

/// <summary>
/// A small Markdown to HTML renderer for <c>#!markdown</c> in code cells: ATX headings, paragraphs, emphasis
/// (<c>**</c>, <c>*</c>, <c>_</c>), inline code, links, fenced code blocks, bullet and numbered lists, pipe tables
/// and horizontal rules. Everything else is shown as text; all text is HTML-encoded.
/// </summary>
internal static partial class MarkdownRenderer
{
    /// <summary>Renders <paramref name="markdown"/> as HTML.</summary>
    public static string ToHtml(string markdown)
    {
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var html = new StringBuilder();
        var i = 0;
        while (i < lines.Length)
        {
            var line = lines[i];
            if (line.Trim().Length == 0)
            {
                i++;
            }
            else if (line.StartsWith("```", StringComparison.Ordinal))
            {
                var end = Array.FindIndex(lines, i + 1, l => l.StartsWith("```", StringComparison.Ordinal));
                end = end < 0 ? lines.Length : end;
                html.Append("<pre><code>").Append(WebUtility.HtmlEncode(string.Join('\n', lines[(i + 1)..end]))).Append("</code></pre>\n");
                i = end + 1;
            }
            else if (Heading().Match(line) is { Success: true } heading)
            {
                var level = heading.Groups[1].Length;
                html.Append(CultureInfo.InvariantCulture, $"<h{level}>{Inline(heading.Groups[2].Value)}</h{level}>\n");
                i++;
            }
            else if (Rule().IsMatch(line))
            {
                html.Append("<hr />\n");
                i++;
            }
            else if (line.TrimStart().StartsWith('|') && i + 1 < lines.Length && TableSeparator().IsMatch(lines[i + 1]))
            {
                i = Table(lines, i, html);
            }
            else if (ListItem().IsMatch(line))
            {
                i = List(lines, i, html);
            }
            else
            {
                var start = i;
                while (i < lines.Length && lines[i].Trim().Length > 0 && !StartsBlock(lines[i]))
                {
                    i++;
                }

                html.Append("<p>").Append(Inline(string.Join('\n', lines[start..i]).Trim())).Append("</p>\n");
            }
        }

        return html.ToString();
    }

    private static bool StartsBlock(string line) =>
        line.StartsWith("```", StringComparison.Ordinal) || Heading().IsMatch(line) || ListItem().IsMatch(line) || line.TrimStart().StartsWith('|');

    private static int List(string[] lines, int i, StringBuilder html)
    {
        var ordered = char.IsDigit(lines[i].TrimStart()[0]);
        var tag = ordered ? "ol" : "ul";
        html.Append('<').Append(tag).Append(">\n");
        while (i < lines.Length && ListItem().Match(lines[i]) is { Success: true } item && char.IsDigit(item.Groups[1].Value[0]) == ordered)
        {
            html.Append("<li>").Append(Inline(item.Groups[2].Value)).Append("</li>\n");
            i++;
        }

        html.Append("</").Append(tag).Append(">\n");
        return i;
    }

    private static int Table(string[] lines, int i, StringBuilder html)
    {
        html.Append("<table>\n<thead>\n<tr>");
        foreach (var cell in Cells(lines[i]))
        {
            html.Append("<th>").Append(Inline(cell)).Append("</th>");
        }

        html.Append("</tr>\n</thead>\n<tbody>\n");
        for (i += 2; i < lines.Length && lines[i].TrimStart().StartsWith('|'); i++)
        {
            html.Append("<tr>");
            foreach (var cell in Cells(lines[i]))
            {
                html.Append("<td>").Append(Inline(cell)).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
        return i;
    }

    private static IEnumerable<string> Cells(string row) => row.Trim().Trim('|').Split('|').Select(c => c.Trim());

    private static string Inline(string text)
    {
        var encoded = WebUtility.HtmlEncode(text);
        var parts = InlineCode().Split(encoded);
        for (var p = 0; p < parts.Length; p++)
        {
            // Odd parts are the contents of `code` spans: no emphasis inside them.
            parts[p] = p % 2 == 1
                ? $"<code>{parts[p]}</code>"
                : Italic().Replace(Bold().Replace(Link().Replace(parts[p], "<a href=\"$2\">$1</a>"), "<strong>$2</strong>"), "<em>$2</em>");
        }

        return string.Concat(parts);
    }

    [GeneratedRegex(@"^(#{1,6})\s+(.*?)\s*#*\s*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^\s*([-*_])(\s*\1){2,}\s*$")]
    private static partial Regex Rule();

    [GeneratedRegex(@"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")]
    private static partial Regex TableSeparator();

    [GeneratedRegex(@"^\s*([-*+]|\d+[.)])\s+(.*)$")]
    private static partial Regex ListItem();

    [GeneratedRegex(@"`([^`]+)`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"\[([^\]]+)\]\(([^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"(\*\*|__)(.+?)\1")]
    private static partial Regex Bold();

    [GeneratedRegex(@"(\*|_)(.+?)\1")]
    private static partial Regex Italic();
}
