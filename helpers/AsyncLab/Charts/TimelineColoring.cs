namespace AsyncLab;

/// <summary>What the colour of a running bar tells.</summary>
public enum TimelineColoring
{
    /// <summary>One colour per state: running solid, waiting light and hatched, blocked red.</summary>
    ByState,
    /// <summary>Running bars take the colour of the thread that ran them; waiting and blocked keep their state colours.</summary>
    ByThread,
}
