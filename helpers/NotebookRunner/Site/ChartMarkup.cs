using System.Net;
using System.Text;

namespace NotebookRunner.Site;

/// <summary>
/// The site's markup for a timeline chart: the sanitised static SVG (what shows without JavaScript), an empty plot area the
/// site's script draws into with the local plotly.js, the figure data as inert JSON, and the text alternative: a summary
/// sentence and the chart as text (the output's <c>text/plain</c> form).
/// </summary>
internal static class ChartMarkup
{
    private static readonly System.Text.Json.JsonSerializerOptions RelaxedJson =
        new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Render(TimelineFigure figure, string? textForm)
    {
        var title = WebUtility.HtmlEncode(figure.Title);
        var html = new StringBuilder()
            .Append("<figure class=\"chart ").Append(TimelineFigure.ContainerClass).Append("\" aria-label=\"Chart: ").Append(title).Append("\">")
            .Append("<div class=\"chart-frame\" tabindex=\"0\" role=\"region\" aria-label=\"").Append(title).Append(" (scrolls sideways)\">")
            .Append("<div class=\"chart-static asynclab-timeline-static\" data-pagefind-ignore>")
            .Append(figure.StaticSvg is null ? "" : OutputSanitizer.Clean(figure.StaticSvg))
            .Append("</div><div class=\"chart-plot asynclab-timeline-plot\" aria-hidden=\"true\"></div></div>")
            .Append("<script type=\"application/json\" class=\"").Append(TimelineFigure.FigureDataClass).Append("\">")
            .Append(InertJson(figure))
            .Append("</script><figcaption class=\"chart-summary\">").Append(WebUtility.HtmlEncode(figure.Summary())).Append("</figcaption>");
        if (!string.IsNullOrWhiteSpace(textForm))
        {
            html.Append("<details class=\"chart-text\"><summary>The chart as text</summary><pre tabindex=\"0\">")
                .Append(WebUtility.HtmlEncode(textForm.TrimEnd('\n'))).Append("</pre></details>");
        }

        return html.Append("</figure>").ToString();
    }

    // The shape AsyncLab's player reads, {"figure": …, "player": …}, as compact JSON that cannot end its element early:
    // '<' only occurs inside JSON strings, where \u003C means the same.
    private static string InertJson(TimelineFigure figure)
    {
        var data = new System.Text.Json.Nodes.JsonObject { ["figure"] = figure.Figure.DeepClone() };
        if (figure.Player is not null)
        {
            data["player"] = figure.Player.DeepClone();
        }

        return data.ToJsonString(RelaxedJson).Replace("<", "\\u003C", StringComparison.Ordinal);
    }

}
