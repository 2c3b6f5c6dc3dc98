using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace NotebookRunner.Site;

/// <summary>
/// A timeline chart found in a stored output: the figure data and the static SVG AsyncLab wrote. Only the data is taken from
/// the notebook; the code that draws it is the site's own, so a notebook cannot make the page run its script.
/// </summary>
/// <param name="Figure">The plotly figure (<c>data</c>, <c>layout</c>, <c>config</c>).</param>
/// <param name="StaticSvg">The chart's SVG element as stored, not yet sanitised.</param>
/// <param name="Player">The step-through player's data, in charts written with it; otherwise null.</param>
internal sealed partial record TimelineFigure(JsonObject Figure, string? StaticSvg, JsonObject? Player)
{
    /// <summary>The class of AsyncLab's chart container in every version of its HTML.</summary>
    public const string ContainerClass = "asynclab-timeline";

    /// <summary>The class of the inert element holding the figure JSON in the current chart HTML.</summary>
    public const string FigureDataClass = "asynclab-figure";

    /// <summary>
    /// Reads a chart container in either shape AsyncLab has written: <c>{"figure": …, "player": …}</c> (or a bare figure) in an
    /// inert <c>&lt;script type="application/json" class="asynclab-figure"&gt;</c>, or (older outputs) the <c>var figure = {...};</c>
    /// literal inside its loader script. Null when the element holds no readable figure.
    /// </summary>
    public static TimelineFigure? Read(IElement container, out string? problem)
    {
        problem = null;
        var json = container.QuerySelector($"script.{FigureDataClass}")?.TextContent
                   ?? container.QuerySelectorAll("script").Select(s => FigureLiteral(s.TextContent)).FirstOrDefault(j => j is not null);
        if (json is null)
        {
            problem = "a timeline chart without figure data; its static picture is shown";
            return null;
        }

        try
        {
            var parsed = JsonNode.Parse(json) as JsonObject;
            if ((parsed?["figure"] as JsonObject ?? parsed) is { } figure && figure["data"] is JsonArray)
            {
                return new TimelineFigure(figure, StaticPicture(container), parsed?["player"] as JsonObject);
            }

            problem = "a timeline chart whose figure has no 'data' array; its static picture is shown";
        }
        catch (JsonException e)
        {
            problem = $"a timeline chart whose figure data is not valid JSON ({e.Message.Split(". ", 2)[0]}); its static picture is shown";
        }

        return null;
    }

    /// <summary>The chart's title, without plotly's markup.</summary>
    public string Title => Plain(Figure["layout"]?["title"]?["text"]) is { Length: > 0 } title ? title : "Timeline";

    /// <summary>How many bars the figure draws: one per value of every bar trace (what plotly renders as one bar each).</summary>
    public int BarCount => Traces.Where(t => (string?)t["type"] == "bar").Sum(t => (t["x"] as JsonArray)?.Count ?? 0);

    /// <summary>A one-sentence description of what the chart shows, the text alternative for readers who cannot see it.</summary>
    public string Summary()
    {
        var text = new StringBuilder();
        var lanes = (Figure["layout"]?["yaxis"]?["ticktext"] as JsonArray)?.Select(Plain).ToList() ?? [];
        text.Append(CultureInfo.InvariantCulture, $"Timeline with {Count(lanes.Count, "lane")}");
        if (lanes.Count > 0)
        {
            text.Append(" (").Append(string.Join(", ", lanes.Take(8))).Append(lanes.Count > 8 ? ", …)" : ")");
        }

        var bars = Traces.Where(t => (string?)t["type"] == "bar" && (t["x"] as JsonArray)?.Count > 0)
            .Select(t => $"{((JsonArray)t["x"]!).Count} {Plain(t["name"])}").ToList();
        if (bars.Count > 0)
        {
            text.Append(": bars ").Append(string.Join(", ", bars));
        }

        var marks = Traces.Where(t => (string?)t["type"] == "scatter").Sum(t => (t["x"] as JsonArray)?.Count ?? 0);
        if (marks > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"; {Count(marks, "mark")}");
        }

        var axis = Figure["layout"]?["xaxis"];
        if (axis?["range"] is JsonArray { Count: 2 } range && Plain(axis["title"]?["text"]) is { Length: > 0 } axisTitle)
        {
            text.Append(CultureInfo.InvariantCulture, $"; {axisTitle} from {Plain(range[0])} to {Plain(range[1])}");
        }

        return text.Append('.').ToString();
    }

    // The static SVG without the tooltip of every bar and mark: the interactive chart and the text form carry those
    // details, and a lesson has hundreds of them (without this the page would outweigh its notebook).
    private static string? StaticPicture(IElement container)
    {
        var svg = container.QuerySelector("svg");
        foreach (var tooltip in svg?.QuerySelectorAll(".bar > title, .mark > title").ToList() ?? [])
        {
            tooltip.Remove();
        }

        return svg?.OuterHtml;
    }

    private IEnumerable<JsonObject> Traces => (Figure["data"] as JsonArray ?? []).OfType<JsonObject>();

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    private static string Plain(JsonNode? node) => node is null ? "" : Tags().Replace(node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node.ToJsonString(), "").Trim();

    // The loader script of older chart HTML declares the figure as a JSON literal; the literal ends where the JSON value ends.
    private static string? FigureLiteral(string script)
    {
        const string declaration = "var figure = ";
        var start = script.IndexOf(declaration, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        var bytes = Encoding.UTF8.GetBytes(script[(start + declaration.Length)..]);
        var reader = new Utf8JsonReader(bytes);
        try
        {
            return reader.Read() && reader.TrySkip() ? Encoding.UTF8.GetString(bytes, 0, (int)reader.BytesConsumed) : null;
        }
        catch (JsonException)
        {
            return Encoding.UTF8.GetString(bytes);
        }
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();
}
