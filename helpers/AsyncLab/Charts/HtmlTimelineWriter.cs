using System.Reflection;
using System.Text;
using System.Text.Json;
using AsyncLab.Formatting;

namespace AsyncLab.Charts;

/// <summary>
/// Wraps a timeline as an HTML fragment in a shape hosts can rely on (README, "Embedding charts"):
/// <code>
/// &lt;div class="asynclab-timeline" id="…"&gt;
///   &lt;div class="asynclab-timeline-static"&gt;&lt;svg …&gt;&lt;/div&gt;     the picture without any script
///   &lt;div class="asynclab-timeline-plot"&gt;&lt;/div&gt;                where plotly draws
///   &lt;script type="application/json" class="asynclab-figure"&gt;{"figure": …, "player": …}&lt;/script&gt;
///   &lt;script&gt;…&lt;/script&gt;                                         the player, then plotly loaded like Plotly.NET
/// &lt;/div&gt;
/// </code>
/// The inert JSON holds the plotly figure and the player's steps, so a static-site builder finds them without running
/// scripts. plotly.js comes through requirejs with a private context as Plotly.NET does (classic Jupyter has requirejs;
/// VS Code's webview gets require.js injected). The static SVG shows wherever no script runs and is hidden once plotly drew.
/// </summary>
internal static class HtmlTimelineWriter
{
    /// <summary>The plotly.js version Plotly.NET pins; requirejs appends ".js" to module paths, hence no extension.</summary>
    public const string PlotlyCdnModule = "https://cdn.plot.ly/plotly-2.27.1.min";

    /// <summary>The require.js Plotly.NET injects where a page has none.</summary>
    public const string RequireJsCdn = "https://cdnjs.cloudflare.com/ajax/libs/require.js/2.3.6/require.min.js";

    /// <summary>The requirejs context, private so other require configurations on the page are left alone.</summary>
    private const string RequireContext = "asynclab-plotly";

    /// <summary>The player: one self-contained function, <c>asynclabPlayer(element)</c>, shipped inside AsyncLab.dll.</summary>
    public static string PlayerScript { get; } = ReadPlayerScript();

    public static string Write(Timeline timeline)
    {
        var id = SvgTimelineWriter.NewId();
        var model = TimelineModel.Build(timeline, SvgTimelineWriter.TargetTicks(timeline));
        var html = new StringBuilder(8192 + (model.BarCount * 520));
        html.Append("<div class=\"asynclab-timeline\" id=\"").Append(id).Append("\" style=\"position:relative\">")
            .Append("<div class=\"asynclab-timeline-static\" id=\"").Append(id).Append("-static\">")
            .Append(SvgTimelineWriter.Write(timeline, id, model))
            .Append("</div>")
            .Append("<div class=\"asynclab-timeline-plot\" id=\"").Append(id).Append("-plot\"></div>")
            .Append("<script type=\"application/json\" class=\"asynclab-figure\">")
            .Append(FigureJson(timeline, model))
            .Append("</script>")
            .Append("<script type=\"text/javascript\">")
            .Append(PlayerScript)
            .Append(Loader(id))
            .Append("</script></div>");
        return html.ToString();
    }

    /// <summary>A complete page around <see cref="Write"/>, for files opened directly in a browser.</summary>
    public static string WritePage(Timeline timeline) =>
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + Markup.Escape(timeline.Title ?? "Timeline") +
        "</title></head><body>" + Write(timeline) + "</body></html>\n";

    /// <summary>
    /// <c>{"figure": {data, layout, config}, "player": {geometry, rows, bars, steps}}</c>. The JSON writer's default
    /// encoder escapes <c>&lt; &gt; &amp;</c>, so no text inside can close the script element.
    /// </summary>
    private static string FigureJson(Timeline timeline, TimelineModel model)
    {
        using var buffer = new MemoryStream(8192 + (model.BarCount * 300));
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WritePropertyName("figure");
            PlotlyFigureWriter.Write(json, timeline, model);
            PlayerStepsWriter.Write(json, timeline, model);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static string ReadPlayerScript()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("AsyncLab.Charts.asynclab-player.js")
            ?? throw new InvalidOperationException("AsyncLab.dll lacks its embedded asynclab-player.js.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static string Loader(string id) => $$"""

        (function () {
          var root = document.getElementById('{{id}}');
          if (!root) { return; }
          var data = JSON.parse(root.querySelector('script.asynclab-figure').textContent);
          asynclabPlayer(root);
          function draw(Plotly) {
            var plot = document.getElementById('{{id}}-plot');
            if (!plot || !Plotly) { return; }
            var figure = data.figure;
            Plotly.newPlot(plot, figure.data, figure.layout, figure.config).then(function () {
              document.getElementById('{{id}}-static').style.display = 'none';
              root.dispatchEvent(new CustomEvent('asynclab:plotted', { detail: plot }));
            });
          }
          function load() {
            // waitSeconds 0: a slow machine may take longer than requirejs's 7 s to parse plotly; a failed load still errs.
            var require = window.requirejs.config({ context: '{{RequireContext}}', waitSeconds: 0, paths: { plotly: '{{PlotlyCdnModule}}' } });
            // On failure (offline) nothing is drawn: the static SVG stays visible and the player keeps working on it.
            require(['plotly'], draw, function (error) {
              if (window.console) { window.console.warn('AsyncLab: plotly.js did not load or draw; the static chart stays.', error); }
            });
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
