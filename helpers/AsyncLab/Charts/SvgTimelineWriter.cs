using System.Globalization;
using System.Text;
using AsyncLab.Formatting;

namespace AsyncLab.Charts;

/// <summary>
/// Draws a timeline as a standalone SVG: title, legend, lane labels, striped rows, bars with tooltips, marks and a time axis.
/// It is what learners see where no script runs (GitHub, nbconvert, exported pages), so it carries its own white background.
/// </summary>
internal static class SvgTimelineWriter
{
    private const int MaxMarkLabels = 30;

    /// <summary>A fresh id prefix; SVG ids are global in an HTML page that holds several charts.</summary>
    public static string NewId() => "tl" + Guid.NewGuid().ToString("N")[..12];

    public static string Write(Timeline timeline, string id)
    {
        var model = TimelineModel.Build(timeline, targetTicks: Math.Max(4, timeline.Width / 110));
        var g = new TimelineGeometry(model, timeline.Title, timeline.Width, timeline.Height);
        var svg = new StringBuilder(4096 + (model.BarCount * 200));
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"asynclab-timeline-svg\" width=\"{g.Width}\" height=\"{g.Height}\" viewBox=\"0 0 {g.Width} {g.Height}\" ")
            .Append(CultureInfo.InvariantCulture, $"font-family=\"{TimelineStyle.FontFamily}\" font-size=\"{N(TimelineGeometry.FontSize)}\" role=\"img\">");
        svg.Append("<title>").Append(Markup.Escape(timeline.Title ?? "Timeline")).Append("</title>");
        WriteDefs(svg, id);
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{g.Width}\" height=\"{g.Height}\" fill=\"#ffffff\"/>");
        if (!string.IsNullOrEmpty(timeline.Title))
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"title\" x=\"{N(g.PlotLeft)}\" y=\"26\" font-size=\"16\" font-weight=\"600\" fill=\"{TimelineStyle.Text}\">{Markup.Escape(timeline.Title)}</text>");
        WriteLegend(svg, model, g, id);
        WriteRows(svg, model, g);
        WriteAxis(svg, model, g);
        foreach (var series in model.DrawingOrder)
            WriteBars(svg, series, timeline.Mode, model.Axis, g, id);
        WriteMarks(svg, model, g);
        if (model.Rows.Count == 0)
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N((g.PlotLeft + g.PlotRight) / 2)}\" y=\"{N(g.PlotTop + 20)}\" text-anchor=\"middle\" fill=\"{TimelineStyle.MutedText}\">no segments recorded</text>");
        return svg.Append("</svg>").ToString();
    }

    private static void WriteDefs(StringBuilder svg, string id) =>
        svg.Append(CultureInfo.InvariantCulture,
            $"<defs><pattern id=\"{id}-waiting\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">")
            .Append(CultureInfo.InvariantCulture, $"<rect width=\"6\" height=\"6\" fill=\"{TimelineStyle.WaitingFill}\"/>")
            .Append(CultureInfo.InvariantCulture, $"<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"{TimelineStyle.WaitingHatch}\" stroke-width=\"1.5\"/></pattern></defs>");

    private static string FillOf(BarSeries series, string id) =>
        series.State == SegmentState.Waiting ? $"url(#{id}-waiting)" : series.Fill;

    private static string EdgeOf(BarSeries series) => series.State switch
    {
        SegmentState.Waiting => TimelineStyle.WaitingHatch,
        SegmentState.Blocked => TimelineStyle.BlockedEdge,
        _ => series.Fill,
    };

    private static void WriteLegend(StringBuilder svg, TimelineModel model, TimelineGeometry g, string id)
    {
        svg.Append("<g class=\"legend\">");
        foreach (var ((name, x, y), series) in g.LegendEntries.Zip(model.Series.Cast<BarSeries?>().Append(null)))
        {
            svg.Append("<g class=\"legend-item\">");
            if (series is null)
                svg.Append(Diamond(x + 7, y + 7, 5.5));
            else
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"14\" height=\"14\" rx=\"2\" fill=\"{FillOf(series, id)}\" stroke=\"{EdgeOf(series)}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(x + 20)}\" y=\"{N(y + 11.5)}\" fill=\"{TimelineStyle.Text}\">{Markup.Escape(name)}</text></g>");
        }
        svg.Append("</g>");
    }

    private static void WriteRows(StringBuilder svg, TimelineModel model, TimelineGeometry g)
    {
        svg.Append("<g class=\"lanes\">");
        for (var row = 0; row < model.Rows.Count; row++)
        {
            var top = g.RowTop(row);
            if (row % 2 == 0)
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(g.PlotLeft)}\" y=\"{N(top)}\" width=\"{N(g.PlotRight - g.PlotLeft)}\" height=\"{N(g.RowHeight)}\" fill=\"{TimelineStyle.RowStripe}\"/>");
            var name = model.Rows[row];
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"lane\" x=\"{N(g.PlotLeft - 10)}\" y=\"{N(g.BarTop(row) + (g.BarHeight / 2) + 4.5)}\" text-anchor=\"end\" fill=\"{TimelineStyle.Text}\">")
                .Append("<title>").Append(Markup.Escape(name)).Append("</title>")
                .Append(Markup.Escape(TimelineGeometry.Shorten(name, g.LabelChars))).Append("</text>");
        }
        svg.Append("</g>");
    }

    private static void WriteAxis(StringBuilder svg, TimelineModel model, TimelineGeometry g)
    {
        var axis = model.Axis;
        svg.Append("<g class=\"axis\">");
        foreach (var tick in axis.TicksMs())
        {
            var x = N(g.X(tick));
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x}\" y1=\"{N(g.PlotTop)}\" x2=\"{x}\" y2=\"{N(g.PlotBottom)}\" stroke=\"{TimelineStyle.Grid}\"/>")
                .Append(CultureInfo.InvariantCulture, $"<line x1=\"{x}\" y1=\"{N(g.PlotBottom)}\" x2=\"{x}\" y2=\"{N(g.PlotBottom + 5)}\" stroke=\"{TimelineStyle.MutedText}\"/>")
                .Append(CultureInfo.InvariantCulture, $"<text class=\"tick\" x=\"{x}\" y=\"{N(g.PlotBottom + 19)}\" text-anchor=\"middle\" fill=\"{TimelineStyle.MutedText}\">{axis.TickLabel(tick)}</text>");
        }
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(g.PlotLeft)}\" y1=\"{N(g.PlotBottom)}\" x2=\"{N(g.PlotRight)}\" y2=\"{N(g.PlotBottom)}\" stroke=\"{TimelineStyle.MutedText}\"/>")
            .Append(CultureInfo.InvariantCulture, $"<text class=\"axis-title\" x=\"{N((g.PlotLeft + g.PlotRight) / 2)}\" y=\"{N(g.PlotBottom + 40)}\" text-anchor=\"middle\" fill=\"{TimelineStyle.Text}\">{axis.Title}</text>")
            .Append("</g>");
    }

    private static void WriteBars(StringBuilder svg, BarSeries series, LaneMode mode, TimeAxis axis, TimelineGeometry g, string id)
    {
        var fill = FillOf(series, id);
        var edge = EdgeOf(series);
        var state = TimelineStyle.StateName(series.State);
        var captionColor = series.State == SegmentState.Waiting ? TimelineStyle.Text : "#ffffff";
        svg.Append(CultureInfo.InvariantCulture, $"<g class=\"series {state}\">");
        foreach (var bar in series.Bars)
        {
            var s = bar.Segment;
            var x = g.X(s.StartMs);
            // Sub-pixel slices still get a visible sliver: a learner must see that the task ran.
            var width = Math.Max(1, g.X(s.EndMs) - x);
            var y = g.BarTop(bar.Row);
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar {state}\" x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(width)}\" height=\"{N(g.BarHeight)}\" fill=\"{fill}\" stroke=\"{edge}\" stroke-width=\"0.75\">")
                .Append("<title>").Append(Markup.Escape(TimelineText.Tooltip(s, axis))).Append("</title></rect>");
            var caption = bar.Caption(mode);
            // A caption that only repeats the state ("waiting" on a hatched bar) adds ink, not information.
            if (caption.Length > 0 && caption != state && (caption.Length * 6.6) + 8 < width)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text class=\"caption\" x=\"{N(x + (width / 2))}\" y=\"{N(y + (g.BarHeight / 2) + 4)}\" text-anchor=\"middle\" font-size=\"11.5\" fill=\"{captionColor}\" pointer-events=\"none\">")
                    .Append(Markup.Escape(caption)).Append("</text>");
            }
        }
        svg.Append("</g>");
    }

    private static void WriteMarks(StringBuilder svg, TimelineModel model, TimelineGeometry g)
    {
        if (model.Marks.Count == 0)
            return;
        var labelled = model.Marks.Count <= MaxMarkLabels;
        // Per row, where the last label ended: a label that would overprint it is left to the tooltip.
        var labelEnds = new Dictionary<int, double>();
        svg.Append("<g class=\"marks\">");
        foreach (var point in model.Marks.OrderBy(p => p.Mark.AtMs))
        {
            var x = g.X(point.Mark.AtMs);
            var top = g.RowTop(point.Row);
            svg.Append("<g class=\"mark\">")
                .Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(x)}\" y1=\"{N(top + 3)}\" x2=\"{N(x)}\" y2=\"{N(g.BarTop(point.Row) + g.BarHeight + 2)}\" stroke=\"{TimelineStyle.Mark}\" stroke-width=\"1.5\"/>")
                .Append(Diamond(x, top + 6, 4.5))
                .Append("<title>").Append(Markup.Escape(TimelineText.Tooltip(point.Mark, model.Axis))).Append("</title>");
            var label = TimelineGeometry.Shorten(point.Mark.Label, 24);
            if (labelled && label.Length > 0 && x + 7 >= labelEnds.GetValueOrDefault(point.Row, double.MinValue))
            {
                labelEnds[point.Row] = x + 7 + (label.Length * 6) + 4;
                svg.Append(CultureInfo.InvariantCulture, $"<text class=\"mark-label\" x=\"{N(x + 7)}\" y=\"{N(top + 9.5)}\" font-size=\"10.5\" fill=\"{TimelineStyle.Mark}\" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\">")
                    .Append(Markup.Escape(label)).Append("</text>");
            }
            svg.Append("</g>");
        }
        svg.Append("</g>");
    }

    private static string Diamond(double x, double y, double r) => string.Create(CultureInfo.InvariantCulture,
        $"<path d=\"M{N(x)},{N(y - r)}L{N(x + r)},{N(y)}L{N(x)},{N(y + r)}L{N(x - r)},{N(y)}Z\" fill=\"{TimelineStyle.Mark}\" stroke=\"#ffffff\" stroke-width=\"1\"/>");

    private static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
