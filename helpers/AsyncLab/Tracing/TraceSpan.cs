using System.Diagnostics;

namespace AsyncLab;

/// <summary>An open span of a <see cref="Trace"/>; disposing it records the interval. A struct, so opening one does not allocate.</summary>
public readonly struct TraceSpan : IDisposable
{
    private readonly Trace? _trace;
    private readonly string _lane;
    private readonly string _label;
    private readonly SegmentState _state;
    private readonly long _start;
    private readonly int _threadId;
    private readonly bool _resumesSlice;

    internal TraceSpan(Trace trace, string lane, string label, SegmentState state, long start, bool resumesSlice)
    {
        _trace = trace;
        _lane = lane;
        _label = label;
        _state = state;
        _start = start;
        // Waiting and queued hold no thread: recorded as thread 0 like the automatic waiting gaps.
        _threadId = state is SegmentState.Waiting or SegmentState.Queued ? 0 : Environment.CurrentManagedThreadId;
        _resumesSlice = resumesSlice;
    }

    /// <summary>Ends the span now and records it (on the thread that opened it).</summary>
    public void Dispose()
    {
        if (_trace is null)
            return;
        var end = Stopwatch.GetTimestamp();
        _trace.AddSegment(_lane, _label, _state, _start, end, _threadId);
        if (_resumesSlice)
            LaneSlices.Resume(_trace, _lane, end);
    }
}
