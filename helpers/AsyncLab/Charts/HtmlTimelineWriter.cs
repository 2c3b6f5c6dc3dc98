using System.Text;
using AsyncLab.Formatting;

namespace AsyncLab.Charts;

/// <summary>
/// Wraps a timeline as an HTML fragment the way Plotly.NET's notebook formatter does: a uniquely named div, and a script
/// that loads plotly.js through requirejs with a private context (classic Jupyter has requirejs, and plotly's UMD bundle
/// then registers as an AMD module instead of setting <c>window.Plotly</c>), injecting require.js first where it is absent
/// (VS Code's output webview). The static SVG inside shows wherever no script runs and is hidden once plotly has drawn.
/// </summary>
internal static class HtmlTimelineWriter
{
    /// <summary>The plotly.js version Plotly.NET pins; requirejs appends ".js" to module paths, hence no extension.</summary>
    public const string PlotlyCdnModule = "https://cdn.plot.ly/plotly-2.27.1.min";

    /// <summary>The require.js Plotly.NET injects where a page has none.</summary>
    public const string RequireJsCdn = "https://cdnjs.cloudflare.com/ajax/libs/require.js/2.3.6/require.min.js";

    /// <summary>The requirejs context, private so other require configurations on the page are left alone.</summary>
    private const string RequireContext = "asynclab-plotly";

    public static string Write(Timeline timeline)
    {
        var id = SvgTimelineWriter.NewId();
        var html = new StringBuilder();
        html.Append("<div class=\"asynclab-timeline\" id=\"").Append(id).Append("\">")
            .Append("<div class=\"asynclab-timeline-static\" id=\"").Append(id).Append("-static\">")
            .Append(SvgTimelineWriter.Write(timeline, id))
            .Append("</div>")
            .Append("<div class=\"asynclab-timeline-plot\" id=\"").Append(id).Append("-plot\"></div>")
            .Append("<script type=\"text/javascript\">")
            .Append(Script(id, PlotlyFigureWriter.Write(timeline)))
            .Append("</script></div>");
        return html.ToString();
    }

    /// <summary>A complete page around <see cref="Write"/>, for files opened directly in a browser.</summary>
    public static string WritePage(Timeline timeline) =>
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + Markup.Escape(timeline.Title ?? "Timeline") +
        "</title></head><body>" + Write(timeline) + "</body></html>\n";

    // The figure JSON is safe inside <script>: its encoder escapes '<', '>', '&' and U+2028/2029.
    private static string Script(string id, string figureJson) => $$"""
        (function () {
          var id = '{{id}}';
          var figure = {{figureJson}};
          function draw(Plotly) {
            var plot = document.getElementById(id + '-plot');
            if (!plot || !Plotly) { return; }
            Plotly.newPlot(plot, figure.data, figure.layout, figure.config).then(function () {
              document.getElementById(id + '-static').style.display = 'none';
            });
          }
          function load() {
            var require = window.requirejs.config({ context: '{{RequireContext}}', paths: { plotly: '{{PlotlyCdnModule}}' } });
            // On failure (offline) nothing is drawn and the static SVG stays visible.
            require(['plotly'], draw, function () { });
          }
          if (window.Plotly) {
            draw(window.Plotly);
          } else if (typeof window.requirejs === 'function') {
            load();
          } else {
            var script = document.createElement('script');
            script.setAttribute('src', '{{RequireJsCdn}}');
            script.onload = load;
            document.getElementsByTagName('head')[0].appendChild(script);
          }
        })();
        """;
}
