namespace AsyncLab.Charts;

/// <summary>Where a wake-up arrow starts and ends in pixels, shared by the SVG and the plotly figure.</summary>
internal static class ArrowPath
{
    /// <summary>
    /// From the cause to the start of the resumed slice. Between rows the arrow leaves the cause's bar edge facing the
    /// target and lands on the target bar's facing edge; on one row (a timer, an I/O completion) it drops onto the slice.
    /// </summary>
    public static (double X1, double Y1, double X2, double Y2) Ends(TimelineArrow arrow, TimelineGeometry g)
    {
        var x1 = g.X(arrow.WakeUp.AtMs);
        var x2 = g.X(arrow.WakeUp.ResumedMs);
        var (from, to) = (arrow.FromRow, arrow.ToRow);
        if (from == to)
            return (Math.Min(x1, x2 - 6), g.RowTop(to) + 3, x2, g.BarTop(to) - 1);
        var downwards = g.RowTop(from) < g.RowTop(to);
        return downwards
            ? (x1, g.BarTop(from) + g.BarHeight, x2, g.BarTop(to) - 1)
            : (x1, g.BarTop(from), x2, g.BarTop(to) + g.BarHeight + 1);
    }
}
