namespace AsyncLab.Charts;

/// <summary>One drawn bar: the row it sits in, the segment it shows and the words written on it (longest first).</summary>
internal readonly record struct TimelineBar(int Index, int Row, Segment Segment, string Caption, string ShortCaption);

/// <summary>One drawn mark: the row it sits in and the mark it shows.</summary>
internal readonly record struct TimelinePoint(int Row, TraceMark Mark);

/// <summary>One wake-up arrow: from the cause's row and time to the start of the resumed slice's row.</summary>
internal readonly record struct TimelineArrow(int FromRow, int ToRow, WakeUp WakeUp);

/// <summary>A caption line above a group of rows: a panel's caption, or "threads" above the thread strip of a combined view.</summary>
internal readonly record struct TimelineHeader(int Slot, string Caption);

/// <summary>Bars that share a colour and a legend entry (one plotly trace).</summary>
internal sealed record BarSeries(string Name, SegmentState State, string Fill, IReadOnlyList<TimelineBar> Bars);

/// <summary>
/// The renderer-neutral picture of a timeline: rows (grouped under headers for panels and thread strips), bars grouped into
/// legend series, marks, wake-up arrows and the time axis. Rows and headers share one vertical sequence of equal slots.
/// </summary>
internal sealed class TimelineModel
{
    /// <summary>Above this many wake-ups a chart shows none unless asked: a thicket of arrows hides the bars.</summary>
    internal const int MaxAutomaticArrows = 30;

    private TimelineModel(IReadOnlyList<string> rows, IReadOnlyList<int> rowSlots, IReadOnlyList<int> rowPanels, IReadOnlyList<TimelineHeader> headers,
        IReadOnlyList<BarSeries> series, IReadOnlyList<TimelinePoint> marks, IReadOnlyList<TimelineArrow> arrows, TimeAxis axis)
    {
        Rows = rows;
        RowSlots = rowSlots;
        RowPanels = rowPanels;
        Headers = headers;
        Series = series;
        Marks = marks;
        Arrows = arrows;
        Axis = axis;
    }

    public IReadOnlyList<string> Rows { get; }

    /// <summary>The vertical slot of each row (rows and headers counted together, top first).</summary>
    public IReadOnlyList<int> RowSlots { get; }

    /// <summary>The panel (run) each row belongs to.</summary>
    public IReadOnlyList<int> RowPanels { get; }

    public IReadOnlyList<TimelineHeader> Headers { get; }

    /// <summary>The rows of the combined view's thread strips, which repeat what the task rows show.</summary>
    public IReadOnlySet<int> ThreadStripRows { get; private init; } = new HashSet<int>();

    /// <summary>Every wake-up of every panel, drawn or not (the player names their causes either way).</summary>
    public IReadOnlyList<TimelineArrow> AllArrows { get; private init; } = [];

    public int SlotCount => Rows.Count + Headers.Count;

    /// <summary>Legend order: running first, then waiting, queued, blocked.</summary>
    public IReadOnlyList<BarSeries> Series { get; }

    public IReadOnlyList<TimelinePoint> Marks { get; }

    public IReadOnlyList<TimelineArrow> Arrows { get; }

    public TimeAxis Axis { get; }

    public int BarCount => Series.Sum(s => s.Bars.Count);

    /// <summary>Series in drawing order: waiting underneath, then queued, running, blocked on top.</summary>
    public IEnumerable<BarSeries> DrawingOrder => Series.OrderBy(s => DrawingRank(s.State));

    public static int DrawingRank(SegmentState state) => state switch
    {
        SegmentState.Waiting => 0,
        SegmentState.Queued => 1,
        SegmentState.Running => 2,
        _ => 3,
    };

    public static TimelineModel Build(Timeline timeline, int targetTicks)
    {
        var builder = new Builder(timeline.Mode);
        var panels = timeline.PanelList;
        foreach (var panel in panels)
            builder.Add(panel, panels.Count > 1 || panel.Caption.Length > 0);

        var end = new[]
        {
            panels.SelectMany(p => p.Segments).Select(s => s.EndMs).DefaultIfEmpty(0).Max(),
            panels.SelectMany(p => p.Marks).Select(m => m.AtMs).DefaultIfEmpty(0).Max(),
            timeline.MinimumSpan?.TotalMilliseconds ?? 0,
        }.Max();
        var axis = TimeAxis.For(end, timeline.TimeUnit, targetTicks);
        var byThread = timeline.Coloring == TimelineColoring.ByThread || timeline.Mode == LaneMode.Combined;
        var arrows = (timeline.ShowWakeUps ?? builder.Arrows.Count <= MaxAutomaticArrows) ? builder.Arrows : [];
        return new TimelineModel(builder.Rows, builder.RowSlots, builder.RowPanels, builder.Headers, GroupIntoSeries(builder.Bars, byThread),
            builder.Marks, arrows, axis) { AllArrows = builder.Arrows, ThreadStripRows = builder.ThreadStripRows };
    }

    /// <summary>Lays out the rows of each panel in turn: rows in order of first activity, the task that starts first on top.</summary>
    private sealed class Builder(LaneMode mode)
    {
        private int _slot;

        public List<string> Rows { get; } = [];
        public List<int> RowSlots { get; } = [];
        public List<int> RowPanels { get; } = [];
        private int _panel = -1;
        public List<TimelineHeader> Headers { get; } = [];
        public List<TimelineBar> Bars { get; } = [];
        public List<TimelinePoint> Marks { get; } = [];
        public List<TimelineArrow> Arrows { get; } = [];
        public HashSet<int> ThreadStripRows { get; } = [];

        public void Add(TimelinePanel panel, bool captioned)
        {
            _panel++;
            if (captioned)
                Headers.Add(new TimelineHeader(_slot++, panel.Caption));
            var tasks = new RowGroup(this);
            var threads = new RowGroup(this);
            var taskRows = mode != LaneMode.ByThread;
            // Waiting and queued segments hold no thread, so they have no place on a thread row.
            static bool HoldsThread(Segment s) => s.State is SegmentState.Running or SegmentState.Blocked;
            // Marks sit on thread rows only in the by-thread view; the combined view keeps them on their task.
            var firstActivity = panel.Segments.Select(s => (At: s.StartMs, s.Lane, Thread: HoldsThread(s) ? s.ThreadId : (int?)null))
                .Concat(panel.Marks.Select(m => (At: m.AtMs, m.Lane, Thread: taskRows ? null : (int?)m.ThreadId)))
                .OrderBy(e => e.At)
                .ToList();
            if (taskRows)
            {
                foreach (var e in firstActivity)
                    tasks.Reserve(e.Lane);
                tasks.Place();
                foreach (var s in panel.Segments)
                {
                    var (caption, shortCaption) = mode == LaneMode.Combined && HoldsThread(s)
                        ? (TimelineStyle.ThreadName(s.ThreadId), s.ThreadId.ToString(System.Globalization.CultureInfo.InvariantCulture))
                        : (s.Label, s.Label);
                    Bars.Add(new TimelineBar(Bars.Count, tasks[s.Lane], s, caption, shortCaption));
                }
                Marks.AddRange(panel.Marks.Select(m => new TimelinePoint(tasks[m.Lane], m)));
                foreach (var w in panel.WakeUps)
                    Arrows.Add(new TimelineArrow(tasks.Find(w.FromLane) ?? tasks[w.Lane], tasks[w.Lane], w));
            }
            if (mode == LaneMode.Combined)
                Headers.Add(new TimelineHeader(_slot++, "threads"));
            if (mode != LaneMode.ByTask)
            {
                foreach (var e in firstActivity.Where(e => e.Thread is not null))
                    threads.Reserve(TimelineStyle.ThreadName(e.Thread!.Value));
                var firstThreadRow = Rows.Count;
                threads.Place();
                if (taskRows)
                    ThreadStripRows.UnionWith(Enumerable.Range(firstThreadRow, Rows.Count - firstThreadRow));
                foreach (var s in panel.Segments.Where(HoldsThread))
                    Bars.Add(new TimelineBar(Bars.Count, threads[TimelineStyle.ThreadName(s.ThreadId)], s, s.Lane, s.Lane));
                if (!taskRows)
                {
                    Marks.AddRange(panel.Marks.Select(m => new TimelinePoint(threads[TimelineStyle.ThreadName(m.ThreadId)], m)));
                    foreach (var w in panel.WakeUps)
                    {
                        var to = threads[TimelineStyle.ThreadName(w.ThreadId)];
                        Arrows.Add(new TimelineArrow(threads.Find(TimelineStyle.ThreadName(w.FromThreadId)) ?? to, to, w));
                    }
                }
            }
        }

        /// <summary>The rows of one group: names collected first, then given consecutive slots.</summary>
        private sealed class RowGroup(Builder owner)
        {
            private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
            private readonly List<string> _names = [];

            public int this[string name] => _index[name];

            public int? Find(string name) => _index.TryGetValue(name, out var row) ? row : null;

            public void Reserve(string name)
            {
                if (!_index.ContainsKey(name))
                {
                    _index.Add(name, -1);
                    _names.Add(name);
                }
            }

            public void Place()
            {
                foreach (var name in _names)
                {
                    _index[name] = owner.Rows.Count;
                    owner.Rows.Add(name);
                    owner.RowSlots.Add(owner._slot++);
                    owner.RowPanels.Add(owner._panel);
                }
            }
        }
    }

    private static List<BarSeries> GroupIntoSeries(List<TimelineBar> bars, bool runningByThread)
    {
        var series = new List<BarSeries>();
        var running = bars.Where(b => b.Segment.State == SegmentState.Running).ToList();
        if (runningByThread)
        {
            var threads = running.Select(b => b.Segment.ThreadId).Distinct().ToList();
            series.AddRange(threads.Select((thread, i) => new BarSeries(
                $"running on thread {thread}", SegmentState.Running, TimelineStyle.ThreadColor(i),
                running.Where(b => b.Segment.ThreadId == thread).ToList())));
        }
        else if (running.Count > 0)
        {
            series.Add(new BarSeries(TimelineStyle.StateName(SegmentState.Running), SegmentState.Running, TimelineStyle.RunningFill, running));
        }
        foreach (var state in (SegmentState[])[SegmentState.Waiting, SegmentState.Queued, SegmentState.Blocked])
        {
            var matching = bars.Where(b => b.Segment.State == state).ToList();
            if (matching.Count > 0)
                series.Add(new BarSeries(TimelineStyle.LegendName(state), state, TimelineStyle.Fill(state), matching));
        }
        return series;
    }
}
