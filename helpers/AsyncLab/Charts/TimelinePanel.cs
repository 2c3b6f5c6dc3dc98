namespace AsyncLab;

/// <summary>
/// One run in a chart of several (<see cref="Timeline.Panels"/>): a caption and what the run recorded, its times counted
/// from the run's own start. Panels are drawn one under another on one shared scale, never glued onto one time axis.
/// </summary>
public sealed class TimelinePanel
{
    /// <summary>A panel of everything <paramref name="trace"/> recorded so far.</summary>
    /// <param name="caption">The line above the panel, e.g. "await Task.Delay".</param>
    /// <param name="trace">The run.</param>
    public TimelinePanel(string caption, Trace trace)
        : this(caption, (trace ?? throw new ArgumentNullException(nameof(trace))).Segments, trace.Marks, trace.WakeUps)
    {
    }

    /// <summary>A panel of recorded or reported intervals (e.g. times a Python script printed).</summary>
    /// <param name="caption">The line above the panel.</param>
    /// <param name="segments">The intervals; each must have finite times and an end not before its start.</param>
    /// <param name="marks">Points in time, or null for none.</param>
    /// <param name="wakeUps">Wake-up arrows, or null for none.</param>
    /// <exception cref="ArgumentException">A segment or mark has a non-finite time, or a segment ends before it starts.</exception>
    public TimelinePanel(string caption, IEnumerable<Segment> segments, IEnumerable<TraceMark>? marks = null, IEnumerable<WakeUp>? wakeUps = null)
    {
        ArgumentNullException.ThrowIfNull(caption);
        ArgumentNullException.ThrowIfNull(segments);
        Caption = caption;
        Segments = segments.Select(s => Validated(s, nameof(segments))).ToArray();
        Marks = (marks ?? []).Select(m => Validated(m, nameof(marks))).ToArray();
        WakeUps = (wakeUps ?? []).Select(w => w with { FromLane = w.FromLane ?? "", Lane = w.Lane ?? "", Cause = w.Cause ?? "" }).ToArray();
    }

    /// <summary>The line drawn above the panel.</summary>
    public string Caption { get; }

    /// <summary>The intervals drawn as bars.</summary>
    public IReadOnlyList<Segment> Segments { get; }

    /// <summary>The marks drawn as points.</summary>
    public IReadOnlyList<TraceMark> Marks { get; }

    /// <summary>The wake-ups drawn as arrows.</summary>
    public IReadOnlyList<WakeUp> WakeUps { get; }

    private static Segment Validated(Segment s, string paramName)
    {
        if (!double.IsFinite(s.StartMs) || !double.IsFinite(s.EndMs) || s.EndMs < s.StartMs)
            throw new ArgumentException($"Segment '{s.Lane}' / '{s.Label}' has an invalid interval {s.StartMs} → {s.EndMs} ms; times must be finite and the end not before the start.", paramName);
        return s with { Lane = s.Lane ?? "", Label = s.Label ?? "" };
    }

    private static TraceMark Validated(TraceMark m, string paramName)
    {
        if (!double.IsFinite(m.AtMs))
            throw new ArgumentException($"Mark '{m.Lane}' / '{m.Label}' has a non-finite time {m.AtMs}.", paramName);
        return m with { Lane = m.Lane ?? "", Label = m.Label ?? "" };
    }
}
