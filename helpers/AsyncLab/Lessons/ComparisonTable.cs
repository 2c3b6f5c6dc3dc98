using System.Text;
using AsyncLab.Formatting;

namespace AsyncLab;

/// <summary>One row of a <see cref="ComparisonTable"/>.</summary>
/// <param name="Claim">The claim, in the lesson's words.</param>
/// <param name="ArticleSays">What the article states.</param>
/// <param name="PythonMeasured">What the Python side measured (or "skipped").</param>
/// <param name="CSharpMeasured">What the C# side measured.</param>
/// <param name="Verdict">The conclusion, e.g. "confirmed", "differs", "inconclusive".</param>
public sealed record ComparisonRow(string Claim, string ArticleSays, string PythonMeasured, string CSharpMeasured, string Verdict);

/// <summary>
/// The table that closes a lesson: claim · article says · Python measured · C# measured · verdict. Renders as HTML
/// (every cell escaped) when it is a cell's last expression, and as aligned text in terminals and CI logs.
/// </summary>
[TypeFormatterSource(typeof(RendersAsFormatterSource), PreferredMimeTypes = new[] { "text/html", "text/plain" })]
public sealed class ComparisonTable : IRendersAs
{
    private static readonly string[] s_headers = ["claim", "article says", "Python measured", "C# measured", "verdict"];
    private readonly List<ComparisonRow> _rows = [];

    /// <summary>Creates an empty table with an optional caption.</summary>
    public ComparisonTable(string? title = null) => Title = title;

    /// <summary>The caption, or null.</summary>
    public string? Title { get; }

    /// <summary>The rows in the order they were added.</summary>
    public IReadOnlyList<ComparisonRow> Rows => _rows;

    /// <summary>Adds a row; returns the table so rows can be chained.</summary>
    public ComparisonTable Add(string claim, string articleSays, string pythonMeasured, string csharpMeasured, string verdict)
    {
        _rows.Add(new ComparisonRow(claim, articleSays, pythonMeasured, csharpMeasured, verdict));
        return this;
    }

    /// <summary>The table as an HTML fragment; all text is escaped, so no cell can inject markup or script.</summary>
    public string ToHtml()
    {
        var html = new StringBuilder("<table class=\"asynclab-comparison\">");
        if (Title is not null)
            html.Append("<caption>").Append(Markup.Escape(Title)).Append("</caption>");
        html.Append("<thead><tr>");
        foreach (var header in s_headers)
            html.Append("<th style=\"text-align:left\">").Append(Markup.Escape(header)).Append("</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var row in _rows)
        {
            html.Append("<tr>");
            foreach (var cell in Cells(row))
                html.Append("<td style=\"text-align:left\">").Append(Markup.Escape(cell)).Append("</td>");
            html.Append("</tr>");
        }
        return html.Append("</tbody></table>").ToString();
    }

    /// <summary>The table as aligned text columns.</summary>
    public string ToText()
    {
        var lines = new List<string[]> { s_headers };
        lines.AddRange(_rows.Select(r => Cells(r).Select(c => c.ReplaceLineEndings(" ")).ToArray()));
        var widths = Enumerable.Range(0, s_headers.Length).Select(i => lines.Max(l => l[i].Length)).ToArray();
        var text = new StringBuilder();
        if (Title is not null)
            text.AppendLine(Title);
        foreach (var (line, index) in lines.Select((l, i) => (l, i)))
        {
            text.AppendLine(string.Join(" | ", line.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd());
            if (index == 0)
                text.AppendLine(string.Join("-+-", widths.Select(w => new string('-', w))));
        }
        return text.ToString();
    }

    /// <summary>Same as <see cref="ToText"/>.</summary>
    public override string ToString() => ToText();

    private static string[] Cells(ComparisonRow row) => [row.Claim, row.ArticleSays, row.PythonMeasured, row.CSharpMeasured, row.Verdict];
}
