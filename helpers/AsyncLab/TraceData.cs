namespace AsyncLab;

/// <summary>What a lane was doing during a segment.</summary>
public enum SegmentState
{
    /// <summary>Code of the lane was executing on a thread.</summary>
    Running,
    /// <summary>The lane was alive but suspended at an <c>await</c>, using no thread.</summary>
    Waiting,
    /// <summary>The lane held a thread while doing nothing useful (a blocking wait or sleep, <c>.Result</c>).</summary>
    Blocked,
    /// <summary>The lane was ready to run but no thread had taken it yet (a callback in the event loop's queue).</summary>
    Queued,
}

/// <summary>How a timeline groups segments into rows.</summary>
public enum LaneMode
{
    /// <summary>One row per logical task (the lane names given to the trace).</summary>
    ByTask,
    /// <summary>One row per thread: shows which thread ran what.</summary>
    ByThread,
    /// <summary>
    /// One row per logical task, each running slice coloured and labelled by the thread that ran it, with one row per
    /// thread underneath: the task story and the thread story in one picture.
    /// </summary>
    Combined,
}

/// <summary>A time interval of one lane, as recorded by a <see cref="Trace"/>.</summary>
/// <param name="Lane">The logical task (or other row) the interval belongs to.</param>
/// <param name="Label">What happened during the interval.</param>
/// <param name="State">Running, waiting, blocked or queued.</param>
/// <param name="StartMs">Start, in milliseconds since the trace started.</param>
/// <param name="EndMs">End, in milliseconds since the trace started.</param>
/// <param name="ThreadId">The managed thread id that ran or blocked during the interval (0 for waiting and queued segments, which hold no thread).</param>
public readonly record struct Segment(string Lane, string Label, SegmentState State, double StartMs, double EndMs, int ThreadId)
{
    /// <summary>The length of the interval in milliseconds.</summary>
    public double DurationMs => EndMs - StartMs;
}

/// <summary>A point in time of one lane, as recorded by <see cref="Trace"/>.</summary>
/// <param name="Lane">The logical task the mark belongs to.</param>
/// <param name="Label">What happened.</param>
/// <param name="AtMs">When, in milliseconds since the trace started.</param>
/// <param name="ThreadId">The managed thread id that recorded the mark.</param>
public readonly record struct TraceMark(string Lane, string Label, double AtMs, int ThreadId);

/// <summary>
/// "Who woke me?": the event that completed what a lane awaited (a timer, another lane's <c>SetResult</c>, an I/O
/// completion, a post to the loop) and the slice in which the lane resumed. Drawn as an arrow from cause to slice.
/// </summary>
/// <param name="FromLane">The lane whose code caused the wake-up, or the woken lane itself when the cause ran outside any lane (a timer, a socket).</param>
/// <param name="FromThreadId">The managed thread id on which the cause happened.</param>
/// <param name="AtMs">When the cause happened, in milliseconds since the trace started.</param>
/// <param name="Lane">The lane that resumed.</param>
/// <param name="ThreadId">The managed thread id that ran the resumed slice.</param>
/// <param name="ResumedMs">When the resumed slice started; the time from <paramref name="AtMs"/> to it was spent queued.</param>
/// <param name="Cause">Why, in words that complete "B resumes on thread 7: …" (e.g. "its timer fired").</param>
public readonly record struct WakeUp(string FromLane, int FromThreadId, double AtMs, string Lane, int ThreadId, double ResumedMs, string Cause);
