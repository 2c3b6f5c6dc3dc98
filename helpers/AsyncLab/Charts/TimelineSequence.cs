namespace AsyncLab;

/// <summary>
/// Lays several recordings out one after another on a single time axis, so that runs measured on their own clocks
/// (several traces, or times reported by a Python script) can be compared in one chart.
/// </summary>
/// <remarks>
/// A timeline orders its rows by first activity. Recordings that all start at zero would interleave their rows;
/// giving each recording its own slot keeps every recording's rows together, in the order they were added.
/// </remarks>
public sealed class TimelineSequence
{
    private readonly List<Segment> _segments = [];
    private readonly List<TraceMark> _marks = [];
    private readonly double _gapMs;
    private double _nextStartMs;

    /// <summary>Creates an empty sequence.</summary>
    /// <param name="gap">The empty space left between two slots.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="gap"/> is negative.</exception>
    public TimelineSequence(TimeSpan gap)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(gap, TimeSpan.Zero);
        _gapMs = gap.TotalMilliseconds;
    }

    /// <summary>The slot after which the next recording starts, in milliseconds since the start of the axis.</summary>
    public double NextStartMs => _nextStartMs;

    /// <summary>Adds one recording in a new slot: its times (relative to its own start at zero) are shifted to the slot's start.</summary>
    /// <param name="segments">The recording's intervals.</param>
    /// <param name="marks">The recording's points in time, or null for none.</param>
    /// <returns>This sequence, to chain calls.</returns>
    public TimelineSequence Add(IEnumerable<Segment> segments, IEnumerable<TraceMark>? marks = null)
    {
        ArgumentNullException.ThrowIfNull(segments);
        var offset = _nextStartMs;
        var shifted = segments.Select(s => s with { StartMs = s.StartMs + offset, EndMs = s.EndMs + offset }).ToList();
        var shiftedMarks = (marks ?? []).Select(m => m with { AtMs = m.AtMs + offset }).ToList();
        _segments.AddRange(shifted);
        _marks.AddRange(shiftedMarks);
        var end = shifted.Select(s => s.EndMs).Concat(shiftedMarks.Select(m => m.AtMs)).DefaultIfEmpty(offset).Max();
        _nextStartMs = end + _gapMs;
        return this;
    }

    /// <summary>Adds everything <paramref name="trace"/> recorded, in a new slot.</summary>
    /// <param name="trace">The trace to add.</param>
    /// <returns>This sequence, to chain calls.</returns>
    public TimelineSequence Add(Trace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        return Add(trace.Segments, trace.Marks);
    }

    /// <summary>The chart of every slot added so far.</summary>
    /// <param name="title">The chart title, or null for none.</param>
    /// <param name="mode">Rows per task (default) or per thread.</param>
    public Timeline ToTimeline(string? title = null, LaneMode mode = LaneMode.ByTask) => Timeline.From(_segments, _marks, title, mode);
}
