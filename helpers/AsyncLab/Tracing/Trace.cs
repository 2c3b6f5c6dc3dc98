using System.Collections.Concurrent;
using System.Diagnostics;

namespace AsyncLab;

/// <summary>
/// Records what concurrent work did and when: spans and marks with lane (logical task), label, thread id
/// and timestamp, plus automatic run slices for logical tasks started with <see cref="Run(string, Func{Task})"/>.
/// Thread-safe with per-thread buffers; recording allocates nothing per event, only a chunk for every 1024 events a thread records.
/// </summary>
public sealed partial class Trace
{
    /// <summary>Default capacity in events (about 48 MB when full); later events are counted in <see cref="Dropped"/>.</summary>
    public const int DefaultCapacity = 1_000_000;

    private readonly TraceBuffer _buffer;
    private readonly long _origin = Stopwatch.GetTimestamp();
    private readonly ConcurrentDictionary<LaneRun, byte> _running = new();

    /// <summary>Starts a trace; its clock starts now.</summary>
    /// <param name="title">A title for charts and exports.</param>
    /// <param name="capacity">The maximum number of events kept, rounded up to whole chunks of 1024 events; each recording thread fills chunks of its own.</param>
    public Trace(string? title = null, int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Title = title;
        _buffer = new TraceBuffer(capacity);
    }

    /// <summary>The title given at construction.</summary>
    public string? Title { get; }

    /// <summary>The time since the trace started.</summary>
    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(_origin);

    /// <summary>Events discarded because the capacity was reached.</summary>
    public long Dropped => _buffer.Dropped;

    /// <summary>Records a point in time on <paramref name="lane"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="lane"/> or <paramref name="label"/> is null.</exception>
    public void Mark(string lane, string label)
    {
        ArgumentNullException.ThrowIfNull(lane);
        ArgumentNullException.ThrowIfNull(label);
        _buffer.Add(new TraceEvent
        {
            Kind = TraceEventKind.Mark, Lane = lane, Label = label, Start = Stopwatch.GetTimestamp(),
            ThreadId = Environment.CurrentManagedThreadId,
        });
    }

    /// <summary>
    /// Opens a span on <paramref name="lane"/> that ends when disposed (<c>using (trace.Span(...)) { ... }</c>).
    /// Use <see cref="SegmentState.Blocked"/> for blocking waits. Inside the same lane's automatic run slice
    /// the span replaces the slice for its duration, so the two never overlap.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="lane"/> or <paramref name="label"/> is null.</exception>
    public TraceSpan Span(string lane, string label, SegmentState state = SegmentState.Running)
    {
        ArgumentNullException.ThrowIfNull(lane);
        ArgumentNullException.ThrowIfNull(label);
        return new(this, lane, label, state, Stopwatch.GetTimestamp(), LaneSlices.SuspendFor(this, lane));
    }

    /// <summary>
    /// Records that the code running now completed what <paramref name="lane"/> awaits ("who woke me?"), for causes AsyncLab
    /// cannot see by itself (a callback API, a custom awaitable). The arrow goes from here to the lane's next running slice.
    /// </summary>
    /// <param name="lane">The lane that will resume.</param>
    /// <param name="cause">Words that complete "B resumes on thread 7: …", e.g. "the download finished".</param>
    /// <exception cref="ArgumentNullException"><paramref name="lane"/> or <paramref name="cause"/> is null.</exception>
    public void WakeUp(string lane, string cause)
    {
        ArgumentNullException.ThrowIfNull(lane);
        ArgumentNullException.ThrowIfNull(cause);
        AddWake(lane, cause, Stopwatch.GetTimestamp(), Environment.CurrentManagedThreadId);
    }

    /// <summary>The wake-ups recorded so far, each joined to the slice it resumed, ordered by cause time.</summary>
    public IReadOnlyList<WakeUp> WakeUps
    {
        get
        {
            var events = _buffer.Snapshot();
            return WakeUpResolver.Resolve(BuildSegments(events), events.Where(e => e.Kind == TraceEventKind.Wake)
                .Select(e => (e.Lane, e.Label, ToMs(e.Start), e.ThreadId)));
        }
    }

    /// <summary>The recorded intervals, ordered by start; gaps inside a logical task's lifetime appear as <see cref="SegmentState.Waiting"/>.</summary>
    public IReadOnlyList<Segment> Segments => BuildSegments(_buffer.Snapshot());

    /// <summary>The recorded marks, ordered by time.</summary>
    public IReadOnlyList<TraceMark> Marks =>
        _buffer.Snapshot()
            .Where(e => e.Kind == TraceEventKind.Mark)
            .Select(e => new TraceMark(e.Lane, e.Label, ToMs(e.Start), e.ThreadId))
            .OrderBy(m => m.AtMs)
            .ToList();

    /// <summary>The mark labels in time order, for <see cref="Check.Before"/>.</summary>
    public IReadOnlyList<string> Order() => Marks.Select(m => m.Label).ToList();

    /// <summary>Per lane: time running, waiting and blocked, and the threads seen.</summary>
    public TraceSummary Summary() => TraceSummary.From(Segments);

    /// <summary>Records a finished interval; used by spans and automatic run slices.</summary>
    internal void AddSegment(string lane, string label, SegmentState state, long start, long end, int threadId) =>
        _buffer.Add(new TraceEvent
        {
            Kind = TraceEventKind.Segment, Lane = lane, Label = label, State = state, Start = start, End = end, ThreadId = threadId,
        });

    /// <summary>
    /// Records a wake-up of <paramref name="lane"/> caused at <paramref name="at"/> on thread <paramref name="threadId"/>.
    /// The causing lane is not stored (an event stays three fields of references small): it is the lane that was running
    /// on that thread at that moment, found when the wake-ups are read.
    /// </summary>
    internal void AddWake(string lane, string cause, long at, int threadId) =>
        _buffer.Add(new TraceEvent
        {
            Kind = TraceEventKind.Wake, Lane = lane, Label = cause, Start = at, End = at, ThreadId = threadId,
        });

    /// <summary>Milliseconds since the trace started for a <see cref="Stopwatch"/> timestamp.</summary>
    internal double ToMs(long timestamp) => (timestamp - _origin) * 1000.0 / Stopwatch.Frequency;

    private List<Segment> BuildSegments(List<TraceEvent> events)
    {
        var segments = new List<Segment>();
        var lifetimes = new List<(string Lane, long Start, long End)>();
        foreach (var e in events)
        {
            if (e.Kind == TraceEventKind.Segment)
                segments.Add(new Segment(e.Lane, e.Label, e.State, ToMs(e.Start), ToMs(e.End), e.ThreadId));
            else if (e.Kind == TraceEventKind.Lifetime)
                lifetimes.Add((e.Lane, e.Start, e.End));
        }
        var now = Stopwatch.GetTimestamp();
        lifetimes.AddRange(_running.Keys.Select(r => (r.Context.Name, r.Start, now)));
        segments.AddRange(WaitingGaps.Between(segments, lifetimes.Select(l => (l.Lane, ToMs(l.Start), ToMs(l.End)))));
        segments.Sort((a, b) => a.StartMs != b.StartMs ? a.StartMs.CompareTo(b.StartMs) : string.CompareOrdinal(a.Lane, b.Lane));
        return segments;
    }
}
