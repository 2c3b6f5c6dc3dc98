using System.Text;
using System.Text.Json;

namespace AsyncLab.Charts;

/// <summary>
/// Writes the plotly.js figure of a timeline: one horizontal bar trace per legend series (<c>base</c> = start,
/// <c>x</c> = duration, the plotly.express timeline recipe on a numeric axis), one scatter trace for marks, annotations
/// for panel headers and wake-up arrows. It uses the SVG's geometry and label decisions, so both pictures match.
/// </summary>
/// <remarks>
/// Only attributes valid in plotly.js 2.x and later are used. User text is entity-encoded because plotly renders its
/// labels as pseudo-HTML, and the JSON writer's default encoder escapes <c>&lt; &gt; &amp;</c> and U+2028/2029, so the
/// JSON can sit inside a <c>&lt;script&gt;</c>.
/// </remarks>
internal static class PlotlyFigureWriter
{
    /// <summary>Rows sit at their slot number; bars are shifted down to where the SVG draws them (below the mark labels).</summary>
    private const double BarOffset = 0.075;

    public static string Write(Timeline timeline) => Write(timeline, TimelineModel.Build(timeline, SvgTimelineWriter.TargetTicks(timeline)));

    public static string Write(Timeline timeline, TimelineModel model)
    {
        using var buffer = new MemoryStream(4096 + (model.BarCount * 160));
        using (var json = new Utf8JsonWriter(buffer))
            Write(json, timeline, model);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    public static void Write(Utf8JsonWriter json, Timeline timeline, TimelineModel model)
    {
        var g = new TimelineGeometry(model, timeline.Title, timeline.Width, timeline.Height);
        var captions = LabelLayout.Captions(model, g);
        json.WriteStartObject();
        json.WriteStartArray("data");
        foreach (var series in model.DrawingOrder)
            WriteBarTrace(json, series, LegendRank(model, series), captions, model, g);
        if (model.Marks.Count > 0)
            WriteMarkTrace(json, model, g);
        if (model.Arrows.Count > 0)
            WriteWakeUpLegend(json);
        json.WriteEndArray();
        WriteLayout(json, model, g);
        json.WriteStartObject("config");
        json.WriteBoolean("responsive", true);
        json.WriteBoolean("displaylogo", false);
        // A short toolbar that fits in the room the title leaves free (TimelineGeometry.ToolbarWidth).
        json.WriteStartArray("modeBarButtonsToRemove");
        foreach (var button in (string[])["select2d", "lasso2d", "autoScale2d", "zoomIn2d", "zoomOut2d"])
            json.WriteStringValue(button);
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteBarTrace(Utf8JsonWriter json, BarSeries series, int legendRank, CaptionPlacement?[] captions, TimelineModel model, TimelineGeometry g)
    {
        var axis = model.Axis;
        json.WriteStartObject();
        json.WriteString("type", "bar");
        json.WriteString("orientation", "h");
        json.WriteString("name", series.Name);
        // Traces are drawn waiting-first, but the legend reads running, waiting, queued, blocked like the SVG's.
        json.WriteNumber("legendrank", legendRank);
        json.WriteNumber("width", g.BarHeight / g.RowHeight);
        WriteNumbers(json, "y", series.Bars, b => model.RowSlots[b.Row] + BarOffset);
        WriteNumbers(json, "base", series.Bars, b => axis.ToUnit(b.Segment.StartMs));
        WriteNumbers(json, "x", series.Bars, b => axis.ToUnit(b.Segment.DurationMs));
        json.WriteStartArray("customdata");
        foreach (var bar in series.Bars)
        {
            var s = bar.Segment;
            json.WriteStartArray();
            json.WriteStringValue(Text(s.Lane));
            json.WriteStringValue(Text(s.Label));
            json.WriteStringValue(axis.Precise(s.StartMs));
            json.WriteStringValue(axis.Precise(s.EndMs));
            json.WriteStringValue(axis.Precise(s.DurationMs));
            json.WriteStringValue(TimelineStyle.ThreadName(s.ThreadId));
            json.WriteEndArray();
        }
        json.WriteEndArray();
        // With base set, %{x} would be the end, not the duration (plotly.js bar/hover.js): hover reads customdata instead.
        json.WriteString("hovertemplate",
            $"<b>%{{customdata[0]}}</b>: {TimelineStyle.StateName(series.State)} · %{{customdata[1]}}<br>" +
            "%{customdata[2]} → %{customdata[3]} (%{customdata[4]})<br>%{customdata[5]}<extra></extra>");
        WriteCaptions(json, series, captions);
        WriteMarker(json, series);
        json.WriteEndObject();
    }

    /// <summary>The captions the SVG writes, at the same size: inside where they fit, outside a short bar, else none.</summary>
    private static void WriteCaptions(Utf8JsonWriter json, BarSeries series, CaptionPlacement?[] captions)
    {
        if (!series.Bars.Any(b => captions[b.Index] is not null))
        {
            json.WriteString("textposition", "none");
            return;
        }
        json.WriteStartArray("text");
        foreach (var bar in series.Bars)
            json.WriteStringValue(captions[bar.Index] is { } c ? Text(c.Text) : "");
        json.WriteEndArray();
        json.WriteStartArray("textposition");
        foreach (var bar in series.Bars)
            json.WriteStringValue(captions[bar.Index] switch { null => "none", { Outside: true } => "outside", _ => "inside" });
        json.WriteEndArray();
        json.WriteString("insidetextanchor", "middle");
        // Never turned sideways: a caption that does not fit level is placed outside or left out (LabelLayout).
        json.WriteNumber("textangle", 0);
        json.WriteString("constraintext", "none");
        json.WriteBoolean("cliponaxis", false);
        WriteFont(json, "insidetextfont", TimelineGeometry.CaptionFontSize, TimelineStyle.CaptionColor(series.State));
        WriteFont(json, "outsidetextfont", TimelineGeometry.CaptionFontSize, TimelineStyle.Text);
    }

    private static void WriteMarker(Utf8JsonWriter json, BarSeries series)
    {
        json.WriteStartObject("marker");
        json.WriteString("color", series.Fill);
        json.WriteStartObject("line");
        json.WriteString("color", TimelineStyle.Edge(series.State, series.Fill));
        json.WriteNumber("width", 0.75);
        json.WriteEndObject();
        var pattern = series.State switch
        {
            SegmentState.Waiting => ("/", TimelineStyle.WaitingHatch, 6, 0.25),
            SegmentState.Queued => (".", TimelineStyle.QueuedDots, 5, 0.3),
            SegmentState.Blocked => ("x", TimelineStyle.BlockedHatch, 7, 0.12),
            _ => default((string Shape, string Color, int Size, double Solidity)?),
        };
        if (pattern is { } p)
        {
            json.WriteStartObject("pattern");
            json.WriteString("shape", p.Shape);
            json.WriteString("fgcolor", p.Color);
            json.WriteNumber("size", p.Size);
            json.WriteNumber("solidity", p.Solidity);
            // Overlay: the pattern is drawn over the bar's own colour, so the blocked red stays red.
            json.WriteString("fillmode", "overlay");
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    private static void WriteMarkTrace(Utf8JsonWriter json, TimelineModel model, TimelineGeometry g)
    {
        var axis = model.Axis;
        var labelled = LabelLayout.MarkLabels(model, g);
        json.WriteStartObject();
        json.WriteString("type", "scatter");
        json.WriteString("mode", "markers+text");
        json.WriteString("name", TimelineGeometry.MarkLegend);
        json.WriteNumber("legendrank", 1000 + model.Series.Count);
        // The diamond sits where the SVG draws it: 6 px below the row's top.
        WriteNumbers(json, "y", model.Marks, p => model.RowSlots[p.Row] - 0.5 + (6 / g.RowHeight));
        WriteNumbers(json, "x", model.Marks, p => axis.ToUnit(p.Mark.AtMs));
        json.WriteStartArray("text");
        for (var i = 0; i < model.Marks.Count; i++)
            json.WriteStringValue(labelled[i] ? Text(LabelLayout.MarkText(model.Marks[i].Mark.Label)) : "");
        json.WriteEndArray();
        json.WriteString("textposition", "middle right");
        json.WriteBoolean("cliponaxis", false);
        WriteFont(json, "textfont", 10.5, TimelineStyle.Mark);
        json.WriteStartArray("customdata");
        foreach (var point in model.Marks)
        {
            json.WriteStartArray();
            json.WriteStringValue(Text(point.Mark.Lane));
            json.WriteStringValue(Text(point.Mark.Label));
            json.WriteStringValue(axis.Precise(point.Mark.AtMs));
            json.WriteStringValue(TimelineStyle.ThreadName(point.Mark.ThreadId));
            json.WriteEndArray();
        }
        json.WriteEndArray();
        json.WriteString("hovertemplate", "<b>%{customdata[0]}</b>: %{customdata[1]}<br>at %{customdata[2]}<br>%{customdata[3]}<extra></extra>");
        json.WriteStartObject("marker");
        json.WriteString("symbol", "diamond");
        json.WriteNumber("size", 10);
        json.WriteString("color", TimelineStyle.Mark);
        json.WriteStartObject("line");
        json.WriteString("color", "#ffffff");
        json.WriteNumber("width", 1);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>Arrows are annotations, which have no legend entry: an empty line trace gives them one.</summary>
    private static void WriteWakeUpLegend(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("type", "scatter");
        json.WriteString("mode", "lines");
        json.WriteString("name", TimelineGeometry.WakeUpLegend);
        json.WriteNumber("legendrank", 2000);
        json.WriteStartArray("x");
        json.WriteNullValue();
        json.WriteEndArray();
        json.WriteStartArray("y");
        json.WriteNullValue();
        json.WriteEndArray();
        json.WriteString("hoverinfo", "skip");
        json.WriteStartObject("line");
        json.WriteString("color", TimelineStyle.WakeUp);
        json.WriteNumber("width", 1.5);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteLayout(Utf8JsonWriter json, TimelineModel model, TimelineGeometry g)
    {
        json.WriteStartObject("layout");
        json.WriteNumber("width", g.Width);
        json.WriteNumber("height", g.Height);
        json.WriteString("barmode", "overlay");
        json.WriteString("hovermode", "closest");
        json.WriteString("plot_bgcolor", "#ffffff");
        json.WriteString("paper_bgcolor", "#ffffff");
        WriteFont(json, "font", TimelineGeometry.FontSize, TimelineStyle.Text, TimelineStyle.FontFamily);
        json.WriteStartObject("uniformtext");
        json.WriteString("mode", "show");
        json.WriteNumber("minsize", TimelineGeometry.CaptionFontSize);
        json.WriteEndObject();
        if (g.TitleLines.Count > 0)
        {
            json.WriteStartObject("title");
            json.WriteString("text", string.Join("<br>", g.TitleLines.Select(line => "<b>" + Text(line) + "</b>")));
            json.WriteString("xref", "container");
            json.WriteNumber("x", 12.0 / g.Width);
            json.WriteString("xanchor", "left");
            json.WriteString("yref", "container");
            json.WriteNumber("y", 1 - (12.0 / g.Height));
            json.WriteString("yanchor", "top");
            WriteFont(json, "font", TimelineGeometry.TitleFontSize, TimelineStyle.Text);
            json.WriteEndObject();
        }
        json.WriteStartObject("margin");
        json.WriteNumber("l", Math.Round(g.PlotLeft));
        json.WriteNumber("r", Math.Round(g.Width - g.PlotRight));
        json.WriteNumber("t", Math.Round(g.PlotTop));
        json.WriteNumber("b", Math.Round(g.Height - g.PlotBottom));
        json.WriteNumber("pad", 0);
        json.WriteEndObject();
        json.WriteStartObject("legend");
        json.WriteString("orientation", "h");
        json.WriteNumber("x", 0);
        json.WriteNumber("y", 1);
        json.WriteString("yanchor", "bottom");
        json.WriteEndObject();
        WriteXAxis(json, model.Axis);
        WriteYAxis(json, model, g);
        WriteHeadersAndArrows(json, model, g);
        json.WriteEndObject();
    }

    private static void WriteXAxis(Utf8JsonWriter json, TimeAxis axis)
    {
        json.WriteStartObject("xaxis");
        json.WriteStartObject("title");
        json.WriteString("text", axis.Title);
        WriteFont(json, "font", TimelineGeometry.FontSize, TimelineStyle.Text);
        json.WriteEndObject();
        json.WriteStartArray("range");
        json.WriteNumberValue(0);
        json.WriteNumberValue(axis.ToUnit(axis.EndMs));
        json.WriteEndArray();
        json.WriteNumber("tick0", 0);
        json.WriteNumber("dtick", axis.ToUnit(axis.StepMs));
        json.WriteBoolean("zeroline", false);
        json.WriteString("gridcolor", TimelineStyle.Grid);
        json.WriteString("ticks", "outside");
        json.WriteBoolean("showline", true);
        json.WriteString("linecolor", TimelineStyle.MutedText);
        json.WriteEndObject();
    }

    private static void WriteYAxis(Utf8JsonWriter json, TimelineModel model, TimelineGeometry g)
    {
        // Rows are numeric slots so that equal-looking shortened labels never merge; ticktext shows the names, top row first.
        json.WriteStartObject("yaxis");
        json.WriteStartArray("range");
        json.WriteNumberValue(Math.Max(1, model.SlotCount) - 0.5);
        json.WriteNumberValue(-0.5);
        json.WriteEndArray();
        json.WriteStartArray("tickvals");
        foreach (var slot in model.RowSlots)
            json.WriteNumberValue(slot + BarOffset);
        json.WriteEndArray();
        json.WriteStartArray("ticktext");
        foreach (var row in model.Rows)
            json.WriteStringValue(Text(TimelineGeometry.Shorten(row, g.LabelChars)));
        json.WriteEndArray();
        // Invisible ticks push the lane names 10 px off the plot, where the SVG writes them, clear of bars and the player's cursor.
        json.WriteString("ticks", "outside");
        json.WriteNumber("ticklen", 10);
        json.WriteString("tickcolor", "rgba(0,0,0,0)");
        json.WriteBoolean("showgrid", false);
        json.WriteBoolean("zeroline", false);
        json.WriteBoolean("fixedrange", true);
        json.WriteEndObject();
    }

    /// <summary>Panel captions and their rules, and wake-up arrows, placed from the SVG's pixel geometry.</summary>
    private static void WriteHeadersAndArrows(Utf8JsonWriter json, TimelineModel model, TimelineGeometry g)
    {
        double SlotY(double pixelY) => ((pixelY - g.PlotTop) / g.RowHeight) - 0.5;
        double AxisX(double pixelX) => model.Axis.ToUnit((pixelX - g.PlotLeft) * g.MsPerPixel);
        var paperLeft = (12 - g.PlotLeft) / (g.PlotRight - g.PlotLeft);

        json.WriteStartArray("annotations");
        foreach (var header in model.Headers)
        {
            json.WriteStartObject();
            json.WriteString("text", "<b>" + Text(header.Caption) + "</b>");
            json.WriteString("xref", "paper");
            json.WriteNumber("x", paperLeft);
            json.WriteString("xanchor", "left");
            json.WriteString("yref", "y");
            json.WriteNumber("y", SlotY(g.SlotTop(header.Slot) + g.RowHeight - 14));
            json.WriteString("yanchor", "middle");
            json.WriteBoolean("showarrow", false);
            json.WriteEndObject();
        }
        foreach (var arrow in model.Arrows)
        {
            var (x1, y1, x2, y2) = ArrowPath.Ends(arrow, g);
            json.WriteStartObject();
            json.WriteString("text", "");
            json.WriteString("hovertext", Text(TimelineText.Tooltip(arrow.WakeUp, model.Axis)).Replace("\n", "<br>", StringComparison.Ordinal));
            json.WriteString("xref", "x");
            json.WriteString("yref", "y");
            json.WriteString("axref", "x");
            json.WriteString("ayref", "y");
            json.WriteNumber("x", Math.Round(AxisX(x2), 6));
            json.WriteNumber("y", Math.Round(SlotY(y2), 4));
            json.WriteNumber("ax", Math.Round(AxisX(x1), 6));
            json.WriteNumber("ay", Math.Round(SlotY(y1), 4));
            json.WriteBoolean("showarrow", true);
            json.WriteNumber("arrowhead", 2);
            json.WriteNumber("arrowsize", 1.2);
            json.WriteNumber("arrowwidth", 1.5);
            json.WriteString("arrowcolor", TimelineStyle.WakeUp);
            json.WriteNumber("standoff", 0);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("shapes");
        foreach (var header in model.Headers)
        {
            var y = SlotY(g.SlotTop(header.Slot) + g.RowHeight - 4);
            json.WriteStartObject();
            json.WriteString("type", "line");
            json.WriteString("xref", "paper");
            json.WriteString("yref", "y");
            json.WriteNumber("x0", paperLeft);
            json.WriteNumber("x1", 1);
            json.WriteNumber("y0", y);
            json.WriteNumber("y1", y);
            json.WriteStartObject("line");
            json.WriteString("color", TimelineStyle.MutedText);
            json.WriteNumber("width", 0.75);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    /// <summary>
    /// User text for plotly, which renders labels as pseudo-HTML: <c>&amp; &lt; &gt;</c> become entities, which it decodes;
    /// quotes stay as they are, because it shows <c>&amp;quot;</c> literally.
    /// </summary>
    private static string Text(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static void WriteFont(Utf8JsonWriter json, string name, double size, string color, string? family = null)
    {
        json.WriteStartObject(name);
        if (family is not null)
            json.WriteString("family", family);
        json.WriteNumber("size", size);
        json.WriteString("color", color);
        json.WriteEndObject();
    }

    private static int LegendRank(TimelineModel model, BarSeries series) =>
        1000 + model.Series.Select((candidate, index) => (candidate, index)).First(p => ReferenceEquals(p.candidate, series)).index;

    private static void WriteNumbers<T>(Utf8JsonWriter json, string name, IReadOnlyList<T> items, Func<T, double> value)
    {
        json.WriteStartArray(name);
        foreach (var item in items)
            json.WriteNumberValue(Math.Round(value(item), 6));
        json.WriteEndArray();
    }
}
