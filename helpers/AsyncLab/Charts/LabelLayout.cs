namespace AsyncLab.Charts;

/// <summary>Where a bar's caption goes: inside the bar, just right of it, or nowhere (the tooltip still has it).</summary>
internal readonly record struct CaptionPlacement(string Text, bool Outside);

/// <summary>
/// Decides which words are written on the chart, once for the SVG and the plotly figure alike: captions inside bars when
/// they fit, right of a short bar when the row is free there, and mark labels that never overprint one another.
/// </summary>
internal static class LabelLayout
{
    /// <summary>Past this many written captions or mark labels a chart is a texture, not a text: the rest is left to tooltips.</summary>
    private const int MaxLabels = 300;

    private const double Padding = 8;

    /// <summary>Captions that only repeat what the fill already says.</summary>
    private static readonly HashSet<string> Redundant = ["", "run", "callback", "waiting", "queued", "running", "blocked"];

    /// <summary>One placement per bar (by <see cref="TimelineBar.Index"/>), null where nothing is written.</summary>
    public static CaptionPlacement?[] Captions(TimelineModel model, TimelineGeometry g)
    {
        var bars = model.Series.SelectMany(s => s.Bars).ToList();
        var placements = new CaptionPlacement?[bars.Count];
        var written = 0;
        foreach (var row in bars.GroupBy(b => b.Row))
        {
            var ordered = row.OrderBy(b => b.Segment.StartMs).ToList();
            // Only bars drawn on top of others can lend their right-hand side: a long wait under short runs cannot.
            for (var i = 0; i < ordered.Count && written < MaxLabels; i++)
            {
                var bar = ordered[i];
                if (Redundant.Contains(bar.Caption))
                    continue;
                var left = g.X(bar.Segment.StartMs);
                var width = Math.Max(1, g.X(bar.Segment.EndMs) - left);
                var inside = Fits(bar.Caption, width) ? bar.Caption : Fits(bar.ShortCaption, width) ? bar.ShortCaption : null;
                if (inside is not null)
                {
                    placements[bar.Index] = new CaptionPlacement(inside, Outside: false);
                    written++;
                    continue;
                }
                if (bar.Segment.State == SegmentState.Waiting)
                    continue;
                var room = NextStart(ordered, i, g) - (left + width);
                if (TextWidth(bar.ShortCaption) + Padding <= room)
                {
                    placements[bar.Index] = new CaptionPlacement(bar.ShortCaption, Outside: true);
                    written++;
                }
            }
        }
        return placements;
    }

    /// <summary>Where the next bar that would cover text right of bar <paramref name="i"/> starts (waits lie underneath and do not).</summary>
    private static double NextStart(List<TimelineBar> ordered, int i, TimelineGeometry g)
    {
        var end = ordered[i].Segment.EndMs;
        for (var j = i + 1; j < ordered.Count; j++)
        {
            var next = ordered[j].Segment;
            if (next.State != SegmentState.Waiting && next.EndMs > end)
                return g.X(Math.Max(next.StartMs, end));
        }
        return g.PlotRight;
    }

    /// <summary>
    /// Which marks get a written label (by index in <see cref="TimelineModel.Marks"/>): per row, a label that would overprint
    /// the previous one, or repeats it word for word ("beat", "beat", …), is left to the tooltip.
    /// </summary>
    public static bool[] MarkLabels(TimelineModel model, TimelineGeometry g)
    {
        var labelled = new bool[model.Marks.Count];
        var lastEnd = new Dictionary<int, double>();
        var lastText = new Dictionary<int, string>();
        var written = 0;
        foreach (var (point, index) in model.Marks.Select((p, i) => (p, i)).OrderBy(p => p.p.Mark.AtMs))
        {
            var label = MarkText(point.Mark.Label);
            var x = g.X(point.Mark.AtMs) + 7;
            if (label.Length == 0 || written >= MaxLabels || x < lastEnd.GetValueOrDefault(point.Row, double.MinValue)
                || lastText.GetValueOrDefault(point.Row) == label)
                continue;
            labelled[index] = true;
            written++;
            lastEnd[point.Row] = x + (label.Length * 6) + 6;
            lastText[point.Row] = label;
        }
        return labelled;
    }

    /// <summary>The written form of a mark label: at most 24 characters.</summary>
    public static string MarkText(string label) => TimelineGeometry.Shorten(label, 24);

    private static double TextWidth(string text) => text.Length * TimelineGeometry.CaptionCharWidth;

    private static bool Fits(string text, double width) => text.Length > 0 && TextWidth(text) + Padding < width;
}
