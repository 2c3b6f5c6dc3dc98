using System.Globalization;
using System.Text;

namespace AsyncLab.Charts;

/// <summary>
/// Draws a timeline as text for terminals and CI logs: one row per lane, one character per time cell, an axis and a legend.
/// Plain ASCII glyphs, because CI logs and Windows consoles do not all render block characters.
/// </summary>
internal static class TextTimelineWriter
{
    public const char Running = '#';
    public const char Waiting = '.';
    public const char Blocked = 'X';
    public const char Queued = '~';
    public const char Mark = '*';
    private const int MaxLabelWidth = 20;

    public static string Write(Timeline timeline, int width)
    {
        if (width < 40)
            throw new ArgumentOutOfRangeException(nameof(width), width, "A text timeline needs at least 40 columns.");
        var model = TimelineModel.Build(timeline, targetTicks: 4);
        var labelWidth = Math.Clamp(model.Rows.Select(r => r.Length).DefaultIfEmpty(4).Max(), 4, MaxLabelWidth);
        var cells = width - labelWidth - 3;
        var text = new StringBuilder();
        if (!string.IsNullOrEmpty(timeline.Title))
            text.Append(timeline.Title).Append('\n');
        if (model.Rows.Count == 0)
            return text.Append("(no segments recorded)\n").ToString();

        var grid = new char[model.Rows.Count][];
        for (var row = 0; row < grid.Length; row++)
            grid[row] = Enumerable.Repeat(' ', cells).ToArray();
        var axis = model.Axis;
        // Paint weakest first so a short running slice or a mark is never hidden by a long wait.
        foreach (var series in model.DrawingOrder)
        {
            var glyph = series.State switch
            {
                SegmentState.Running => Running,
                SegmentState.Waiting => Waiting,
                SegmentState.Queued => Queued,
                _ => Blocked,
            };
            foreach (var bar in series.Bars)
            {
                var (from, to) = (Cell(bar.Segment.StartMs, axis, cells), Cell(bar.Segment.EndMs, axis, cells));
                for (var c = from; c <= to; c++)
                    grid[bar.Row][c] = Stronger(grid[bar.Row][c], glyph);
            }
        }
        foreach (var point in model.Marks)
            grid[point.Row][Cell(point.Mark.AtMs, axis, cells)] = Mark;

        var headers = model.Headers.ToDictionary(h => h.Slot, h => h.Caption);
        for (var row = 0; row < grid.Length; row++)
        {
            // A header occupies the slot just above its first row.
            if (headers.TryGetValue(model.RowSlots[row] - 1, out var header))
                text.Append("-- ").Append(header).Append('\n');
            var label = TimelineGeometry.Shorten(model.Rows[row], labelWidth);
            text.Append(label.PadRight(labelWidth)).Append(" |").Append(grid[row]).Append('\n');
        }
        WriteAxis(text, axis, labelWidth, cells);
        text.Append(' ', labelWidth + 2)
            .Append(CultureInfo.InvariantCulture, $"{Running} run  {Waiting} wait  {Queued} queued  {Blocked} blocked  {Mark} mark  (time in {axis.Unit})\n");
        return text.ToString();
    }

    private static int Cell(double ms, TimeAxis axis, int cells) =>
        Math.Clamp((int)Math.Floor(ms / axis.EndMs * cells), 0, cells - 1);

    private static char Stronger(char current, char candidate) => Rank(candidate) >= Rank(current) ? candidate : current;

    private static int Rank(char glyph) => glyph switch { Blocked => 4, Running => 3, Queued => 2, Waiting => 1, _ => 0 };

    private static void WriteAxis(StringBuilder text, TimeAxis axis, int labelWidth, int cells)
    {
        var line = Enumerable.Repeat('-', cells).ToArray();
        var labels = Enumerable.Repeat(' ', cells + 8).ToArray();
        var freeFrom = 0;
        foreach (var tick in axis.TicksMs())
        {
            var column = Math.Min(cells - 1, (int)Math.Round(tick / axis.EndMs * cells));
            line[column] = '+';
            var label = axis.TickLabel(tick);
            var start = Math.Max(0, column - (label.Length / 2));
            if (start < freeFrom || start + label.Length > labels.Length)
                continue;
            label.CopyTo(0, labels, start, label.Length);
            freeFrom = start + label.Length + 1;
        }
        text.Append(' ', labelWidth + 1).Append('+').Append(line).Append('\n');
        text.Append(' ', labelWidth + 2).Append(new string(labels).TrimEnd()).Append('\n');
    }
}
