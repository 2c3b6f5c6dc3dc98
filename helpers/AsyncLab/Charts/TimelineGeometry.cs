namespace AsyncLab.Charts;

/// <summary>Pixel layout shared by the SVG, the plotly figure and the player, so the interactive chart replaces the static one without a jump.</summary>
internal sealed class TimelineGeometry
{
    public const double FontSize = 13;
    public const double CharWidth = 7.1;
    public const double TitleFontSize = 16;
    public const double TitleCharWidth = 9;
    public const double CaptionFontSize = 11.5;
    public const double CaptionCharWidth = 6.6;
    public const double TitleLineHeight = 22;

    /// <summary>Room kept free at the top right for plotly's toolbar, so it never covers the title.</summary>
    public const double ToolbarWidth = 150;

    private const double MinRowHeight = 18;
    private const double DefaultRowHeight = 30;
    private const double RightMargin = 28;
    private const int MaxLabelChars = 30;
    private const double LegendLineHeight = 20;

    private readonly TimelineModel _model;

    public TimelineGeometry(TimelineModel model, string? title, int width, int? height)
    {
        _model = model;
        Width = width;
        var longest = model.Rows.Select(r => Math.Min(r.Length, MaxLabelChars)).DefaultIfEmpty(4).Max();
        LabelChars = Math.Clamp(longest, 4, MaxLabelChars);
        PlotLeft = Math.Clamp((LabelChars * CharWidth) + 24, 70, width / 3.0);
        PlotRight = width - RightMargin;
        TitleLines = WrapTitle(title, (width - ToolbarWidth - 8) / TitleCharWidth);
        TitleHeight = TitleLines.Count == 0 ? 12 : 18 + (TitleLines.Count * TitleLineHeight);
        LegendTop = TitleHeight;
        LegendEntries = LayOutLegend(model);
        var legendLines = LegendEntries.Select(e => e.Y).Distinct().Count();
        PlotTop = LegendTop + 10 + (Math.Max(1, legendLines) * LegendLineHeight);
        var slots = Math.Max(1, model.SlotCount);
        const double axisHeight = 52;
        RowHeight = height is { } h ? Math.Max(MinRowHeight, (h - PlotTop - axisHeight) / slots) : DefaultRowHeight;
        PlotBottom = PlotTop + (slots * RowHeight);
        Height = height ?? (int)Math.Ceiling(PlotBottom + axisHeight);
    }

    public int Width { get; }
    public int Height { get; }
    public double TitleHeight { get; }

    /// <summary>The title broken at spaces into lines that stay left of the toolbar.</summary>
    public IReadOnlyList<string> TitleLines { get; }

    public double LegendTop { get; }
    public double PlotTop { get; }
    public double PlotBottom { get; }
    public double PlotLeft { get; }
    public double PlotRight { get; }
    public double RowHeight { get; }

    /// <summary>How many characters of a lane label fit left of the plot; longer labels are shortened with an ellipsis.</summary>
    public int LabelChars { get; }

    /// <summary>
    /// The legend's entries (each series, then "mark" and "wake-up" when drawn) with the top-left corner of each swatch:
    /// they flow from the plot's left edge and wrap before the right edge, so a long legend never runs off the chart.
    /// </summary>
    public IReadOnlyList<(string Name, double X, double Y)> LegendEntries { get; }

    public double BarHeight => Math.Max(6, RowHeight * 0.55);

    public double SlotTop(int slot) => PlotTop + (slot * RowHeight);

    public double RowTop(int row) => SlotTop(_model.RowSlots[row]);

    /// <summary>The bar sits in the lower part of the row, leaving room above it for mark labels.</summary>
    public double BarTop(int row) => RowTop(row) + (RowHeight * 0.3);

    public double BarMiddle(int row) => BarTop(row) + (BarHeight / 2);

    public double X(double ms) => PlotLeft + ((PlotRight - PlotLeft) * ms / _model.Axis.EndMs);

    /// <summary>Milliseconds per pixel along the time axis.</summary>
    public double MsPerPixel => _model.Axis.EndMs / (PlotRight - PlotLeft);

    public static string Shorten(string text, int maxChars) =>
        text.Length <= maxChars ? text : string.Concat(text.AsSpan(0, Math.Max(1, maxChars - 1)), "…");

    public const string MarkLegend = "mark";
    public const string WakeUpLegend = "wake-up: cause → resumed slice";

    private List<(string Name, double X, double Y)> LayOutLegend(TimelineModel model)
    {
        var names = model.Series.Select(series => series.Name).ToList();
        if (model.Marks.Count > 0)
            names.Add(MarkLegend);
        if (model.Arrows.Count > 0)
            names.Add(WakeUpLegend);
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

    private static List<string> WrapTitle(string? title, double maxChars)
    {
        var lines = new List<string>();
        if (string.IsNullOrEmpty(title))
            return lines;
        var limit = Math.Max(10, (int)maxChars);
        var line = "";
        foreach (var word in title.Split(' '))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > limit)
            {
                lines.Add(line);
                line = "";
            }
            line = line.Length == 0 ? word : line + " " + word;
        }
        lines.Add(line);
        return lines;
    }
}
