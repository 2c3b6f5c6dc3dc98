namespace AsyncLab;

/// <summary>What a lane was doing during a segment.</summary>
public enum SegmentState
{
    /// <summary>Code of the lane was executing on a thread.</summary>
    Running,
    /// <summary>The lane was alive but suspended at an <c>await</c>, using no thread.</summary>
    Waiting,
    /// <summary>The lane held a thread while doing nothing useful (a blocking wait or sleep).</summary>
    Blocked,
}

/// <summary>How a timeline groups segments into rows.</summary>
public enum LaneMode
{
    /// <summary>One row per logical task (the lane names given to the trace).</summary>
    ByTask,
    /// <summary>One row per thread: shows which thread ran what.</summary>
    ByThread,
}

/// <summary>A time interval of one lane, as recorded by a <see cref="Trace"/>.</summary>
/// <param name="Lane">The logical task (or other row) the interval belongs to.</param>
/// <param name="Label">What happened during the interval.</param>
/// <param name="State">Running, waiting or blocked.</param>
/// <param name="StartMs">Start, in milliseconds since the trace started.</param>
/// <param name="EndMs">End, in milliseconds since the trace started.</param>
/// <param name="ThreadId">The managed thread id that recorded the interval (0 for waiting segments).</param>
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
