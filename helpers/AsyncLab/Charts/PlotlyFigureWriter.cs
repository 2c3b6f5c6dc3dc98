using System.Text;
using System.Text.Json;
using AsyncLab.Formatting;

namespace AsyncLab.Charts;

/// <summary>
/// Writes the plotly.js figure of a timeline: one horizontal bar trace per legend series (<c>base</c> = start,
/// <c>x</c> = duration, the plotly.express timeline recipe on a numeric axis), one scatter trace for marks.
/// </summary>
/// <remarks>
/// Only attributes valid in plotly.js 2.x and later are used. User text is entity-encoded because plotly renders its
/// labels as pseudo-HTML, and the JSON writer's default encoder escapes <c>&lt; &gt; &amp;</c> and U+2028/2029, so the
/// JSON can sit inside a <c>&lt;script&gt;</c>.
/// </remarks>
internal static class PlotlyFigureWriter
{
    public static string Write(Timeline timeline)
    {
        var model = TimelineModel.Build(timeline, targetTicks: Math.Max(4, timeline.Width / 110));
        var g = new TimelineGeometry(model, timeline.Title, timeline.Width, timeline.Height);
        using var buffer = new MemoryStream(4096 + (model.BarCount * 160));
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("data");
            foreach (var series in model.DrawingOrder)
                WriteBarTrace(json, series, LegendRank(model, series), model.Axis, g);
            if (model.Marks.Count > 0)
                WriteMarkTrace(json, model);
            json.WriteEndArray();
            WriteLayout(json, timeline.Title, model, g);
            json.WriteStartObject("config");
            json.WriteBoolean("responsive", true);
            json.WriteBoolean("displaylogo", false);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void WriteBarTrace(Utf8JsonWriter json, BarSeries series, int legendRank, TimeAxis axis, TimelineGeometry g)
    {
        json.WriteStartObject();
        json.WriteString("type", "bar");
        json.WriteString("orientation", "h");
        json.WriteString("name", series.Name);
        // Traces are drawn waiting-first, but the legend reads running, waiting, blocked like the SVG's.
        json.WriteNumber("legendrank", legendRank);
        json.WriteNumber("width", g.BarHeight / g.RowHeight);
        WriteNumbers(json, "y", series.Bars, b => b.Row);
        WriteNumbers(json, "base", series.Bars, b => axis.ToUnit(b.Segment.StartMs));
        WriteNumbers(json, "x", series.Bars, b => axis.ToUnit(b.Segment.DurationMs));
        json.WriteStartArray("customdata");
        foreach (var bar in series.Bars)
        {
            var s = bar.Segment;
            json.WriteStartArray();
            json.WriteStringValue(Markup.Escape(s.Lane));
            json.WriteStringValue(Markup.Escape(s.Label));
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
        // Bars carry no text: at this bar height plotly would shrink it unreadably, and text in bars is slow (plotly.js#5764).
        // The hover names the task and label; the static SVG writes captions where they fit.
        json.WriteString("textposition", "none");
        WriteMarker(json, series);
        json.WriteEndObject();
    }

    private static void WriteMarker(Utf8JsonWriter json, BarSeries series)
    {
        json.WriteStartObject("marker");
        json.WriteString("color", series.Fill);
        json.WriteStartObject("line");
        json.WriteString("color", series.State switch
        {
            SegmentState.Waiting => TimelineStyle.WaitingHatch,
            SegmentState.Blocked => TimelineStyle.BlockedEdge,
            _ => series.Fill,
        });
        json.WriteNumber("width", 0.75);
        json.WriteEndObject();
        if (series.State == SegmentState.Waiting)
        {
            json.WriteStartObject("pattern");
            json.WriteString("shape", "/");
            json.WriteString("fgcolor", TimelineStyle.WaitingHatch);
            json.WriteNumber("size", 6);
            json.WriteNumber("solidity", 0.25);
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    private static void WriteMarkTrace(Utf8JsonWriter json, TimelineModel model)
    {
        var axis = model.Axis;
        json.WriteStartObject();
        json.WriteString("type", "scatter");
        json.WriteString("mode", "markers+text");
        json.WriteString("name", "mark");
        json.WriteNumber("legendrank", 1000 + model.Series.Count);
        WriteNumbers(json, "y", model.Marks, p => p.Row);
        WriteNumbers(json, "x", model.Marks, p => axis.ToUnit(p.Mark.AtMs));
        json.WriteStartArray("text");
        foreach (var point in model.Marks)
            json.WriteStringValue(Markup.Escape(point.Mark.Label));
        json.WriteEndArray();
        json.WriteString("textposition", "top right");
        json.WriteStartObject("textfont");
        json.WriteNumber("size", 10.5);
        json.WriteString("color", TimelineStyle.Mark);
        json.WriteEndObject();
        json.WriteStartArray("customdata");
        foreach (var point in model.Marks)
        {
            json.WriteStartArray();
            json.WriteStringValue(Markup.Escape(point.Mark.Lane));
            json.WriteStringValue(Markup.Escape(point.Mark.Label));
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

    private static void WriteLayout(Utf8JsonWriter json, string? title, TimelineModel model, TimelineGeometry g)
    {
        json.WriteStartObject("layout");
        json.WriteNumber("width", g.Width);
        json.WriteNumber("height", g.Height);
        json.WriteString("barmode", "overlay");
        json.WriteString("hovermode", "closest");
        json.WriteString("plot_bgcolor", "#ffffff");
        json.WriteString("paper_bgcolor", "#ffffff");
        json.WriteStartObject("font");
        json.WriteString("family", TimelineStyle.FontFamily);
        json.WriteNumber("size", TimelineGeometry.FontSize);
        json.WriteString("color", TimelineStyle.Text);
        json.WriteEndObject();
        if (!string.IsNullOrEmpty(title))
        {
            json.WriteStartObject("title");
            json.WriteString("text", "<b>" + Markup.Escape(title) + "</b>");
            json.WriteString("xref", "paper");
            json.WriteNumber("x", 0);
            json.WriteString("yref", "container");
            json.WriteNumber("y", 1 - (22 / (double)g.Height));
            json.WriteStartObject("font");
            json.WriteNumber("size", 16);
            json.WriteEndObject();
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
        json.WriteEndObject();
    }

    private static void WriteXAxis(Utf8JsonWriter json, TimeAxis axis)
    {
        json.WriteStartObject("xaxis");
        json.WriteStartObject("title");
        json.WriteString("text", axis.Title);
        json.WriteStartObject("font");
        json.WriteNumber("size", TimelineGeometry.FontSize);
        json.WriteEndObject();
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
        // Rows are numeric so that equal-looking shortened labels never merge; ticktext shows the names, top row first.
        json.WriteStartObject("yaxis");
        json.WriteStartArray("range");
        json.WriteNumberValue(Math.Max(1, model.Rows.Count) - 0.5);
        json.WriteNumberValue(-0.5);
        json.WriteEndArray();
        json.WriteStartArray("tickvals");
        for (var i = 0; i < model.Rows.Count; i++)
            json.WriteNumberValue(i);
        json.WriteEndArray();
        json.WriteStartArray("ticktext");
        foreach (var row in model.Rows)
            json.WriteStringValue(Markup.Escape(TimelineGeometry.Shorten(row, g.LabelChars)));
        json.WriteEndArray();
        json.WriteBoolean("showgrid", false);
        json.WriteBoolean("zeroline", false);
        json.WriteBoolean("fixedrange", true);
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
