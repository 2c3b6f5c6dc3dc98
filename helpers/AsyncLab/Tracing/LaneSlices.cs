using System.Diagnostics;

namespace AsyncLab;

/// <summary>The logical task a piece of code belongs to: flows with the <see cref="ExecutionContext"/> like Python's contextvars.</summary>
internal sealed class LaneContext(Trace trace, string name)
{
    public Trace Trace { get; } = trace;
    public string Name { get; } = name;
}

/// <summary>
/// Automatic run slices. An <see cref="AsyncLocal{T}"/> carries the current lane; its change handler runs whenever a
/// thread starts or stops executing code of that lane (a continuation resuming, a pool item finishing), so a slice is
/// opened and closed exactly around the lane's code, on the event loop and on the thread pool alike.
/// </summary>
internal static class LaneSlices
{
    internal const string RunLabel = "run";

    private static readonly AsyncLocal<LaneContext?> s_lane = new(OnLaneChanged);

    [ThreadStatic] private static LaneContext? t_open;
    [ThreadStatic] private static long t_openStart;
    [ThreadStatic] private static LaneContext? t_entered;
    [ThreadStatic] private static LaneContext? t_resumesAfterInline;
    [ThreadStatic] private static bool t_starting;

    /// <summary>The lane whose code is running on this thread, or null.</summary>
    internal static LaneContext? Current => s_lane.Value;

    /// <summary>Makes <paramref name="lane"/> the current lane of the calling execution context.</summary>
    internal static void Enter(LaneContext lane)
    {
        // A lane started from another lane's code was started, not woken: no wake-up arrow.
        t_starting = true;
        try
        {
            s_lane.Value = lane;
        }
        finally
        {
            t_starting = false;
        }
    }

    /// <summary>Forgets which lane was entered last on this thread; the event loop calls it before each callback.</summary>
    internal static void ResetEntered() => t_entered = null;

    /// <summary>The last lane whose code started running on this thread since <see cref="ResetEntered"/>.</summary>
    internal static LaneContext? LastEntered => t_entered;

    /// <summary>
    /// Closes the open slice when a span of the same lane starts on this thread, so the span (with its own
    /// label and state) is drawn instead of an overlapping "run". Returns whether the slice must be resumed.
    /// </summary>
    internal static bool SuspendFor(Trace trace, string lane)
    {
        var open = t_open;
        if (open is null || !ReferenceEquals(open.Trace, trace) || open.Name != lane || t_openStart < 0)
            return false;
        var now = Stopwatch.GetTimestamp();
        trace.AddSegment(open.Name, RunLabel, SegmentState.Running, t_openStart, now, Environment.CurrentManagedThreadId);
        t_openStart = -1;
        return true;
    }

    /// <summary>Reopens the slice closed by <see cref="SuspendFor"/> if this thread still runs that lane.</summary>
    internal static void Resume(Trace trace, string lane, long now)
    {
        var open = t_open;
        if (open is not null && ReferenceEquals(open.Trace, trace) && open.Name == lane)
            t_openStart = now;
    }

    /// <summary>
    /// One lane's code switched straight into another's on this thread: the first completed what the second awaited
    /// (<c>SetResult</c>, a finished task) and the continuation ran inline. The switch back, when the continuation
    /// reaches its next await, is a return, not a wake-up.
    /// </summary>
    private static void RecordInlineWake(LaneContext from, LaneContext to, long now)
    {
        if (t_starting)
            return;
        if (ReferenceEquals(t_resumesAfterInline, to))
        {
            t_resumesAfterInline = null;
            return;
        }
        t_resumesAfterInline = from;
        to.Trace.AddWake(to.Name, WakeUpResolver.ByLane, now, Environment.CurrentManagedThreadId);
    }

    private static void OnLaneChanged(AsyncLocalValueChangedArgs<LaneContext?> change)
    {
        var current = change.CurrentValue;
        var open = t_open;
        if (ReferenceEquals(open, current))
            return;
        var now = Stopwatch.GetTimestamp();
        if (open is not null && t_openStart >= 0)
            open.Trace.AddSegment(open.Name, RunLabel, SegmentState.Running, t_openStart, now, Environment.CurrentManagedThreadId);
        if (open is not null && current is not null && ReferenceEquals(open.Trace, current.Trace))
            RecordInlineWake(open, current, now);
        t_open = current;
        t_openStart = now;
        if (current is not null)
            t_entered = current;
    }
}
