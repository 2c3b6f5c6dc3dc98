using System.Globalization;
using System.Text;
using AsyncLab.Formatting;

namespace AsyncLab.Charts;

/// <summary>
/// Draws a timeline as a standalone SVG: title, legend, lane labels, panel and thread-strip headers, striped rows, bars with
/// tooltips, marks, wake-up arrows and a time axis. It is what learners see where no script runs (GitHub, nbconvert,
/// exported pages), so it carries its own white background and puts every colour in attributes, not in CSS.
/// </summary>
internal static class SvgTimelineWriter
{
    /// <summary>A fresh id prefix; SVG ids are global in an HTML page that holds several charts.</summary>
    public static string NewId() => "tl" + Guid.NewGuid().ToString("N")[..12];

    public static string Write(Timeline timeline, string id) => Write(timeline, id, TimelineModel.Build(timeline, TargetTicks(timeline)));

    public static int TargetTicks(Timeline timeline) => Math.Max(4, timeline.Width / 110);

    public static string Write(Timeline timeline, string id, TimelineModel model)
    {
        var g = new TimelineGeometry(model, timeline.Title, timeline.Width, timeline.Height);
        var svg = new StringBuilder(4096 + (model.BarCount * 200));
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"asynclab-timeline-svg\" width=\"{g.Width}\" height=\"{g.Height}\" viewBox=\"0 0 {g.Width} {g.Height}\" ")
            .Append(CultureInfo.InvariantCulture, $"font-family=\"{TimelineStyle.FontFamily}\" font-size=\"{N(TimelineGeometry.FontSize)}\" role=\"img\">");
        svg.Append("<title>").Append(Markup.Escape(timeline.Title ?? "Timeline")).Append("</title>");
        WriteDefs(svg, id);
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{g.Width}\" height=\"{g.Height}\" fill=\"#ffffff\"/>");
        for (var line = 0; line < g.TitleLines.Count; line++)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"title\" x=\"12\" y=\"{N(26 + (line * TimelineGeometry.TitleLineHeight))}\" font-size=\"{N(TimelineGeometry.TitleFontSize)}\" font-weight=\"600\" fill=\"{TimelineStyle.Text}\">")
                .Append(Markup.Escape(g.TitleLines[line])).Append("</text>");
        }
        WriteLegend(svg, model, g, id);
        WriteRows(svg, model, g);
        WriteAxis(svg, model, g);
        var captions = LabelLayout.Captions(model, g);
        foreach (var series in model.DrawingOrder)
            WriteBars(svg, series, captions, model.Axis, g, id);
        WriteMarks(svg, model, g);
        WriteArrows(svg, model, g, id);
        if (model.Rows.Count == 0)
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N((g.PlotLeft + g.PlotRight) / 2)}\" y=\"{N(g.PlotTop + 20)}\" text-anchor=\"middle\" fill=\"{TimelineStyle.MutedText}\">no segments recorded</text>");
        return svg.Append("</svg>").ToString();
    }

    /// <summary>One pattern per pale or hatched state, and the arrowhead of wake-ups.</summary>
    private static void WriteDefs(StringBuilder svg, string id) =>
        svg.Append("<defs>")
            .Append(CultureInfo.InvariantCulture, $"<pattern id=\"{id}-waiting\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">")
            .Append(CultureInfo.InvariantCulture, $"<rect width=\"6\" height=\"6\" fill=\"{TimelineStyle.WaitingFill}\"/>")
            .Append(CultureInfo.InvariantCulture, $"<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"{TimelineStyle.WaitingHatch}\" stroke-width=\"1.5\"/></pattern>")
            .Append(CultureInfo.InvariantCulture, $"<pattern id=\"{id}-queued\" width=\"5\" height=\"5\" patternUnits=\"userSpaceOnUse\">")
            .Append(CultureInfo.InvariantCulture, $"<rect width=\"5\" height=\"5\" fill=\"{TimelineStyle.QueuedFill}\"/>")
            .Append(CultureInfo.InvariantCulture, $"<circle cx=\"2.5\" cy=\"2.5\" r=\"1.1\" fill=\"{TimelineStyle.QueuedDots}\"/></pattern>")
            .Append(CultureInfo.InvariantCulture, $"<pattern id=\"{id}-blocked\" width=\"7\" height=\"7\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">")
            .Append(CultureInfo.InvariantCulture, $"<rect width=\"7\" height=\"7\" fill=\"{TimelineStyle.BlockedFill}\"/>")
            .Append(CultureInfo.InvariantCulture, $"<path d=\"M3.5,0V7M0,3.5H7\" stroke=\"{TimelineStyle.BlockedHatch}\" stroke-width=\"1\" stroke-opacity=\"0.75\"/></pattern>")
            .Append(CultureInfo.InvariantCulture, $"<marker id=\"{id}-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">")
            .Append(CultureInfo.InvariantCulture, $"<path d=\"M0,0L10,5L0,10z\" fill=\"{TimelineStyle.WakeUp}\"/></marker>")
            .Append("</defs>");

    private static string FillOf(BarSeries series, string id) => series.State switch
    {
        SegmentState.Waiting => $"url(#{id}-waiting)",
        SegmentState.Queued => $"url(#{id}-queued)",
        SegmentState.Blocked => $"url(#{id}-blocked)",
        _ => series.Fill,
    };

    private static void WriteLegend(StringBuilder svg, TimelineModel model, TimelineGeometry g, string id)
    {
        svg.Append("<g class=\"legend\">");
        var series = model.Series.ToDictionary(s => s.Name);
        foreach (var (name, x, y) in g.LegendEntries)
        {
            svg.Append("<g class=\"legend-item\">");
            if (series.TryGetValue(name, out var entry))
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"14\" height=\"14\" rx=\"2\" fill=\"{FillOf(entry, id)}\" stroke=\"{TimelineStyle.Edge(entry.State, entry.Fill)}\"/>");
            else if (name == TimelineGeometry.MarkLegend)
                svg.Append(Diamond(x + 7, y + 7, 5.5));
            else
                svg.Append(CultureInfo.InvariantCulture, $"<path d=\"M{N(x)},{N(y + 12)}L{N(x + 13)},{N(y + 2)}\" stroke=\"{TimelineStyle.WakeUp}\" stroke-width=\"1.5\" fill=\"none\" marker-end=\"url(#{id}-arrow)\"/>");
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
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"lane\" x=\"{N(g.PlotLeft - 10)}\" y=\"{N(g.BarMiddle(row) + 4.5)}\" text-anchor=\"end\" fill=\"{TimelineStyle.Text}\">")
                .Append("<title>").Append(Markup.Escape(name)).Append("</title>")
                .Append(Markup.Escape(TimelineGeometry.Shorten(name, g.LabelChars))).Append("</text>");
        }
        foreach (var header in model.Headers)
        {
            var bottom = g.SlotTop(header.Slot) + g.RowHeight - 4;
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"panel-caption\" x=\"12\" y=\"{N(bottom - 6)}\" font-weight=\"600\" fill=\"{TimelineStyle.Text}\">")
                .Append(Markup.Escape(header.Caption)).Append("</text>")
                .Append(CultureInfo.InvariantCulture, $"<line x1=\"12\" y1=\"{N(bottom)}\" x2=\"{N(g.PlotRight)}\" y2=\"{N(bottom)}\" stroke=\"{TimelineStyle.MutedText}\" stroke-width=\"0.75\"/>");
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

    private static void WriteBars(StringBuilder svg, BarSeries series, CaptionPlacement?[] captions, TimeAxis axis, TimelineGeometry g, string id)
    {
        var fill = FillOf(series, id);
        var edge = TimelineStyle.Edge(series.State, series.Fill);
        var state = TimelineStyle.StateName(series.State);
        var captionColor = TimelineStyle.CaptionColor(series.State);
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
            if (captions[bar.Index] is not { } caption)
                continue;
            var (textX, anchor, color) = caption.Outside ? (x + width + 4, "start", TimelineStyle.Text) : (x + (width / 2), "middle", captionColor);
            // Captions on hatched fills get a halo in the fill's colour, so the pattern never cuts through the letters.
            var halo = series.State is SegmentState.Waiting or SegmentState.Queued && !caption.Outside ? $" stroke=\"{series.Fill}\" stroke-width=\"3\" paint-order=\"stroke\"" : "";
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"caption\" x=\"{N(textX)}\" y=\"{N(y + (g.BarHeight / 2) + 4)}\" text-anchor=\"{anchor}\" font-size=\"{N(TimelineGeometry.CaptionFontSize)}\" fill=\"{color}\"{halo} pointer-events=\"none\">")
                .Append(Markup.Escape(caption.Text)).Append("</text>");
        }
        svg.Append("</g>");
    }

    private static void WriteMarks(StringBuilder svg, TimelineModel model, TimelineGeometry g)
    {
        if (model.Marks.Count == 0)
            return;
        var labelled = LabelLayout.MarkLabels(model, g);
        svg.Append("<g class=\"marks\">");
        for (var i = 0; i < model.Marks.Count; i++)
        {
            var point = model.Marks[i];
            var x = g.X(point.Mark.AtMs);
            var top = g.RowTop(point.Row);
            svg.Append("<g class=\"mark\">")
                .Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(x)}\" y1=\"{N(top + 3)}\" x2=\"{N(x)}\" y2=\"{N(g.BarTop(point.Row) + g.BarHeight + 2)}\" stroke=\"{TimelineStyle.Mark}\" stroke-width=\"1.5\"/>")
                .Append(Diamond(x, top + 6, 4.5))
                .Append("<title>").Append(Markup.Escape(TimelineText.Tooltip(point.Mark, model.Axis))).Append("</title>");
            if (labelled[i])
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text class=\"mark-label\" x=\"{N(x + 7)}\" y=\"{N(top + 9.5)}\" font-size=\"10.5\" fill=\"{TimelineStyle.Mark}\" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\">")
                    .Append(Markup.Escape(LabelLayout.MarkText(point.Mark.Label))).Append("</text>");
            }
            svg.Append("</g>");
        }
        svg.Append("</g>");
    }

    private static void WriteArrows(StringBuilder svg, TimelineModel model, TimelineGeometry g, string id)
    {
        if (model.Arrows.Count == 0)
            return;
        svg.Append("<g class=\"wake-ups\">");
        foreach (var arrow in model.Arrows)
        {
            var (x1, y1, x2, y2) = ArrowPath.Ends(arrow, g);
            svg.Append("<g class=\"wake-up\">")
                .Append(CultureInfo.InvariantCulture, $"<circle cx=\"{N(x1)}\" cy=\"{N(y1)}\" r=\"2.5\" fill=\"{TimelineStyle.WakeUp}\"/>")
                .Append(CultureInfo.InvariantCulture, $"<path d=\"M{N(x1)},{N(y1)}L{N(x2)},{N(y2)}\" stroke=\"{TimelineStyle.WakeUp}\" stroke-width=\"1.5\" fill=\"none\" marker-end=\"url(#{id}-arrow)\"/>")
                .Append("<title>").Append(Markup.Escape(TimelineText.Tooltip(arrow.WakeUp, model.Axis))).Append("</title></g>");
        }
        svg.Append("</g>");
    }

    private static string Diamond(double x, double y, double r) => string.Create(CultureInfo.InvariantCulture,
        $"<path d=\"M{N(x)},{N(y - r)}L{N(x + r)},{N(y)}L{N(x)},{N(y + r)}L{N(x - r)},{N(y)}Z\" fill=\"{TimelineStyle.Mark}\" stroke=\"#ffffff\" stroke-width=\"1\"/>");

    private static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
