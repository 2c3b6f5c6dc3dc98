namespace AsyncLab;

/// <summary>What a raw <see cref="TraceEvent"/> records.</summary>
internal enum TraceEventKind : byte
{
    /// <summary>An interval of one lane (a span or an automatic run slice).</summary>
    Segment,
    /// <summary>A point in time.</summary>
    Mark,
    /// <summary>The lifetime of a logical task started with <see cref="Trace.Run(string, Func{Task})"/>; gaps in it are waiting.</summary>
    Lifetime,
    /// <summary>Something completed what <see cref="TraceEvent.Lane"/> awaits; the lane's next slice is the one it woke.</summary>
    Wake,
}

/// <summary>
/// One recorded event as stored in the per-thread buffers: a small struct of references and numbers,
/// so recording copies it into a preallocated array and never allocates.
/// </summary>
internal struct TraceEvent
{
    public string Lane;
    public string Label;
    public long Start;
    public long End;
    public int ThreadId;
    public TraceEventKind Kind;
    public SegmentState State;
}
