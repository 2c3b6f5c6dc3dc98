using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using NotebookRunner.Documents;

namespace NotebookRunner.Site;

/// <summary>
/// Renders the stored outputs of a code cell: text streams, errors, sanitised HTML (tables, code), timeline charts
/// (recognised and redrawn by the site's own script), images, Markdown and JSON. What cannot be shown as stored is
/// shown in place as a problem and reported.
/// </summary>
internal sealed partial class OutputRenderer(ProseRenderer prose, SiteProblems problems)
{
    /// <summary>Characters of a text output kept on the page; longer outputs are cut and say so (the notebook has them all).</summary>
    public const int MaxTextChars = 20_000;

    /// <summary>Characters of an HTML output kept on the page; a larger one is shown as its text form, cut.</summary>
    public const int MaxHtmlChars = 2_000_000;

    // In order of preference, as notebook front ends choose among a display's MIME types.
    private static readonly string[] KnownMimeTypes =
        ["text/html", "image/svg+xml", "image/png", "image/jpeg", "image/gif", "text/markdown", "application/json", "text/plain"];

    private static readonly HtmlParser Parser = new();

    /// <summary>The HTML for all outputs of a cell (empty when it has none).</summary>
    public string Render(NotebookCell cell, string notebookPath)
    {
        var html = new StringBuilder();
        foreach (var output in cell.Outputs)
        {
            html.Append(output switch
            {
                StreamOutput s => Text(Ansi().Replace(s.Text, ""), s.Name == StreamOutput.StandardError ? "output stderr" : "output", cell, notebookPath),
                ErrorOutput e => Text(Ansi().Replace(ErrorText(e), ""), "output error", cell, notebookPath),
                DisplayOutput d => Display(d, cell, notebookPath),
                UnreadableOutput u => Problem($"This output could not be read: {u.Problem.Problem}", cell, notebookPath),
                _ => Problem($"an output of kind {output.GetType().Name} that the site cannot show", cell, notebookPath),
            });
        }

        return html.ToString();
    }

    /// <summary>A problem box for the page, also reported by the build.</summary>
    public string Problem(string problem, NotebookCell cell, string notebookPath)
    {
        problems.Add(notebookPath, cell.Index + 1, problem);
        return $"<div class=\"problem\" role=\"note\"><strong>Not shown as stored.</strong> {WebUtility.HtmlEncode(problem)}</div>";
    }

    private string Display(DisplayOutput display, NotebookCell cell, string notebookPath)
    {
        var data = display.Data.GroupBy(p => p.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
        var plain = data.GetValueOrDefault("text/plain");
        var mime = KnownMimeTypes.FirstOrDefault(data.ContainsKey);
        switch (mime)
        {
            case "text/html" when data[mime].Length > MaxHtmlChars:
                var size = Size(data[mime].Length);
                return Problem($"an HTML output of {size}, too large for the page; its text form is shown instead", cell, notebookPath)
                       + (plain is null ? "" : Text(plain, "output", cell, notebookPath));
            case "text/html":
                return Html(data[mime], plain, cell, notebookPath);
            case "image/svg+xml":
                return Image("image/svg+xml", Convert.ToBase64String(Encoding.UTF8.GetBytes(data[mime])), plain);
            case "image/png" or "image/jpeg" or "image/gif":
                var base64 = data[mime].Replace("\n", "", StringComparison.Ordinal);
                return Base64().IsMatch(base64)
                    ? Image(mime, base64, plain)
                    : Problem($"a {mime} output that is not valid base64", cell, notebookPath);
            case "text/markdown":
                return "<div class=\"output markdown\">" + prose.Render(ProseRenderer.Parse(data[mime])) + "</div>";
            case "application/json":
                return Text(data[mime], "output json", cell, notebookPath);
            case "text/plain":
                return Text(data[mime], "output", cell, notebookPath);
            default:
                return Problem($"an output of type {string.Join(", ", data.Keys)}, which the site does not know how to show", cell, notebookPath);
        }
    }

    // Charts are lifted out before sanitising (their script is dropped, their data kept) and put back as the site's own markup.
    private string Html(string html, string? plain, NotebookCell cell, string notebookPath)
    {
        var document = Parser.ParseDocument("<!DOCTYPE html><body>" + html);
        var charts = new List<string>();
        var token = "asynclab-chart-" + Guid.NewGuid().ToString("N");
        foreach (var container in document.QuerySelectorAll($".{TimelineFigure.ContainerClass}").ToList())
        {
            var figure = TimelineFigure.Read(container, out var problem);
            if (figure is null)
            {
                container.Insert(AngleSharp.Dom.AdjacentPosition.BeforeBegin, Problem(problem!, cell, notebookPath));
                continue;
            }

            container.Replace(document.CreateTextNode($"{token}-{charts.Count}."));
            charts.Add(ChartMarkup.Render(figure, charts.Count == 0 ? plain : null));
        }

        var clean = OutputSanitizer.Clean(document.Body!.InnerHtml);
        for (var i = 0; i < charts.Count; i++)
        {
            clean = clean.Replace($"{token}-{i}.", charts[i], StringComparison.Ordinal);
        }

        return "<div class=\"output html\">" + clean + "</div>";
    }

    private static string Image(string mime, string base64, string? plain) =>
        $"<div class=\"output image\"><img src=\"data:{mime};base64,{base64}\" alt=\"{WebUtility.HtmlEncode(plain ?? "")}\"></div>";

    private string Text(string text, string cssClass, NotebookCell cell, string notebookPath)
    {
        var shown = text;
        var note = "";
        if (text.Length > MaxTextChars)
        {
            var cut = text.LastIndexOf('\n', MaxTextChars) is var newline and > 0 ? newline + 1 : MaxTextChars;
            shown = text[..cut];
            note = Problem(string.Create(CultureInfo.InvariantCulture,
                $"an output of {Size(text.Length)} ({text.Count(c => c == '\n'):N0} lines); the first {cut:N0} characters are shown, the notebook has it all"),
                cell, notebookPath);
        }

        return $"<pre class=\"{cssClass}\" tabindex=\"0\">{WebUtility.HtmlEncode(shown.TrimEnd('\n'))}</pre>{note}";
    }

    private static string ErrorText(ErrorOutput error) =>
        error.Traceback.Count > 0 ? string.Join('\n', error.Traceback) : $"{error.EName}: {error.EValue}";

    private static string Size(int chars) => chars >= 1 << 20
        ? string.Create(CultureInfo.InvariantCulture, $"{chars / 1048576.0:0.0} MB")
        : string.Create(CultureInfo.InvariantCulture, $"{chars / 1024.0:0} KB");

    [GeneratedRegex(@"\x1b\[[0-9;?]*[A-Za-z]")]
    private static partial Regex Ansi();

    [GeneratedRegex(@"^[A-Za-z0-9+/]*={0,2}$")]
    private static partial Regex Base64();
}
