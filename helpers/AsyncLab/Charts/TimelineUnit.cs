namespace AsyncLab;

/// <summary>The unit of a timeline's time axis.</summary>
public enum TimelineUnit
{
    /// <summary>Seconds when the timeline spans two seconds or more, otherwise milliseconds.</summary>
    Auto,
    /// <summary>Milliseconds since the trace started.</summary>
    Milliseconds,
    /// <summary>Seconds since the trace started.</summary>
    Seconds,
}
