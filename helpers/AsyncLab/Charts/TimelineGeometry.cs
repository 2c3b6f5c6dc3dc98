namespace AsyncLab.Charts;

/// <summary>Pixel layout shared by the SVG and the plotly figure, so the interactive chart replaces the static one without a jump.</summary>
internal sealed class TimelineGeometry
{
    public const double FontSize = 13;
    public const double CharWidth = 7.1;
    private const double MinRowHeight = 18;
    private const double DefaultRowHeight = 30;
    private const double RightMargin = 28;
    private const int MaxLabelChars = 30;

    private const double LegendLineHeight = 20;

    public TimelineGeometry(TimelineModel model, string? title, int width, int? height)
    {
        Width = width;
        TitleHeight = string.IsNullOrEmpty(title) ? 12 : 40;
        LegendTop = TitleHeight;
        var longest = model.Rows.Select(r => Math.Min(r.Length, MaxLabelChars)).DefaultIfEmpty(4).Max();
        LabelChars = Math.Clamp(longest, 4, MaxLabelChars);
        PlotLeft = Math.Clamp((LabelChars * CharWidth) + 24, 70, width / 3.0);
        PlotRight = width - RightMargin;
        LegendEntries = LayOutLegend(model);
        var legendLines = LegendEntries.Select(e => e.Y).Distinct().Count();
        PlotTop = LegendTop + 10 + (Math.Max(1, legendLines) * LegendLineHeight);
        var rows = Math.Max(1, model.Rows.Count);
        const double axisHeight = 52;
        RowHeight = height is { } h ? Math.Max(MinRowHeight, (h - PlotTop - axisHeight) / rows) : DefaultRowHeight;
        PlotBottom = PlotTop + (rows * RowHeight);
        Height = height ?? (int)Math.Ceiling(PlotBottom + axisHeight);
        _axis = model.Axis;
    }

    private readonly TimeAxis _axis;

    public int Width { get; }
    public int Height { get; }
    public double TitleHeight { get; }
    public double LegendTop { get; }
    public double PlotTop { get; }
    public double PlotBottom { get; }
    public double PlotLeft { get; }
    public double PlotRight { get; }
    public double RowHeight { get; }

    /// <summary>How many characters of a lane label fit left of the plot; longer labels are shortened with an ellipsis.</summary>
    public int LabelChars { get; }

    /// <summary>
    /// The legend's entries (each series, then "mark" when there are marks) with the top-left corner of each swatch:
    /// they flow from the plot's left edge and wrap before the right edge, so a long legend never runs off the chart.
    /// </summary>
    public IReadOnlyList<(string Name, double X, double Y)> LegendEntries { get; }

    public double BarHeight => Math.Max(6, RowHeight * 0.55);

    public double RowTop(int row) => PlotTop + (row * RowHeight);

    /// <summary>The bar sits in the lower part of the row, leaving room above it for mark labels.</summary>
    public double BarTop(int row) => RowTop(row) + (RowHeight * 0.3);

    public double X(double ms) => PlotLeft + ((PlotRight - PlotLeft) * ms / _axis.EndMs);

    public static string Shorten(string text, int maxChars) =>
        text.Length <= maxChars ? text : string.Concat(text.AsSpan(0, Math.Max(1, maxChars - 1)), "…");

    private List<(string Name, double X, double Y)> LayOutLegend(TimelineModel model)
    {
        var names = model.Series.Select(series => series.Name).ToList();
        if (model.Marks.Count > 0)
            names.Add("mark");
        var entries = new List<(string, double, double)>();
        var (x, y) = (PlotLeft, LegendTop + 8);
        foreach (var name in names)
        {
            var entryWidth = 20 + (name.Length * CharWidth);
            if (x > PlotLeft && x + entryWidth > PlotRight)
                (x, y) = (PlotLeft, y + LegendLineHeight);
            entries.Add((name, x, y));
            x += entryWidth + 22;
        }
        return entries;
    }
}
