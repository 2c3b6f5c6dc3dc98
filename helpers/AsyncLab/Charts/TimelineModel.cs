namespace AsyncLab.Charts;

/// <summary>One drawn bar: the row it sits in and the segment it shows.</summary>
internal readonly record struct TimelineBar(int Row, Segment Segment)
{
    /// <summary>The text written on the bar: the task in by-thread rows, else the segment's label.</summary>
    public string Caption(LaneMode mode) => mode == LaneMode.ByThread ? Segment.Lane : Segment.Label;
}

/// <summary>One drawn mark: the row it sits in and the mark it shows.</summary>
internal readonly record struct TimelinePoint(int Row, TraceMark Mark);

/// <summary>Bars that share a colour and a legend entry (one plotly trace).</summary>
internal sealed record BarSeries(string Name, SegmentState State, string Fill, IReadOnlyList<TimelineBar> Bars);

/// <summary>
/// The renderer-neutral picture of a timeline: rows, bars grouped into legend series, marks and the time axis.
/// Built once per render from the timeline's data and options.
/// </summary>
internal sealed class TimelineModel
{
    private TimelineModel(IReadOnlyList<string> rows, IReadOnlyList<BarSeries> series, IReadOnlyList<TimelinePoint> marks, TimeAxis axis)
    {
        Rows = rows;
        Series = series;
        Marks = marks;
        Axis = axis;
    }

    public IReadOnlyList<string> Rows { get; }

    /// <summary>Legend order: running first, then waiting, then blocked. Waiting is drawn first so running slices stay on top.</summary>
    public IReadOnlyList<BarSeries> Series { get; }

    public IReadOnlyList<TimelinePoint> Marks { get; }

    public TimeAxis Axis { get; }

    public int BarCount => Series.Sum(s => s.Bars.Count);

    /// <summary>Series in drawing order: waiting underneath, then running, then blocked.</summary>
    public IEnumerable<BarSeries> DrawingOrder =>
        Series.OrderBy(s => s.State switch { SegmentState.Waiting => 0, SegmentState.Running => 1, _ => 2 });

    public static TimelineModel Build(Timeline timeline, int targetTicks)
    {
        var rows = new List<string>();
        var rowIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        int RowOf(string name)
        {
            if (!rowIndex.TryGetValue(name, out var index))
            {
                index = rows.Count;
                rowIndex.Add(name, index);
                rows.Add(name);
            }
            return index;
        }

        var byThread = timeline.Mode == LaneMode.ByThread;
        // Rows appear in order of first activity, so the task that starts first is on top.
        var events = timeline.Segments.Select(s => (At: s.StartMs, Row: byThread ? ThreadRow(s.ThreadId) : s.Lane, IsWaiting: s.State == SegmentState.Waiting))
            .Concat(timeline.Marks.Select(m => (At: m.AtMs, Row: byThread ? ThreadRow(m.ThreadId) : m.Lane, IsWaiting: false)))
            .Where(e => !(byThread && e.IsWaiting))
            .OrderBy(e => e.At);
        foreach (var e in events)
            RowOf(e.Row);

        // A waiting segment holds no thread, so it has no row when rows are threads.
        var bars = timeline.Segments
            .Where(s => !(byThread && s.State == SegmentState.Waiting))
            .Select(s => new TimelineBar(RowOf(byThread ? ThreadRow(s.ThreadId) : s.Lane), s))
            .ToList();
        var marks = timeline.Marks.Select(m => new TimelinePoint(RowOf(byThread ? ThreadRow(m.ThreadId) : m.Lane), m)).ToList();

        var end = new[]
        {
            timeline.Segments.Select(s => s.EndMs).DefaultIfEmpty(0).Max(),
            timeline.Marks.Select(m => m.AtMs).DefaultIfEmpty(0).Max(),
            timeline.MinimumSpan?.TotalMilliseconds ?? 0,
        }.Max();
        var axis = TimeAxis.For(end, timeline.TimeUnit, targetTicks);
        return new TimelineModel(rows, GroupIntoSeries(bars, timeline.Coloring), marks, axis);
    }

    private static string ThreadRow(int threadId) => $"thread {threadId}";

    private static List<BarSeries> GroupIntoSeries(List<TimelineBar> bars, TimelineColoring coloring)
    {
        var series = new List<BarSeries>();
        var running = bars.Where(b => b.Segment.State == SegmentState.Running).ToList();
        if (coloring == TimelineColoring.ByThread)
        {
            var threads = running.Select(b => b.Segment.ThreadId).Distinct().ToList();
            series.AddRange(threads.Select((thread, i) => new BarSeries(
                $"running on thread {thread}", SegmentState.Running, TimelineStyle.ThreadColor(i),
                running.Where(b => b.Segment.ThreadId == thread).ToList())));
        }
        else if (running.Count > 0)
        {
            series.Add(new BarSeries("running", SegmentState.Running, TimelineStyle.RunningFill, running));
        }
        AddIfAny(series, bars, SegmentState.Waiting, TimelineStyle.WaitingFill);
        AddIfAny(series, bars, SegmentState.Blocked, TimelineStyle.BlockedFill);
        return series;
    }

    private static void AddIfAny(List<BarSeries> series, List<TimelineBar> bars, SegmentState state, string fill)
    {
        var matching = bars.Where(b => b.Segment.State == state).ToList();
        if (matching.Count > 0)
            series.Add(new BarSeries(TimelineStyle.StateName(state), state, fill, matching));
    }
}
