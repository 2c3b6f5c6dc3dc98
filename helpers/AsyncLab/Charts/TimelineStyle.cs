namespace AsyncLab.Charts;

/// <summary>
/// Colours, patterns and names shared by the SVG and plotly renderers, so both pictures read the same. Each state differs
/// in colour and in pattern, so the chart still reads printed in grey: running solid, waiting pale with diagonal lines,
/// queued pale amber with dots, blocked red with a cross-hatch.
/// </summary>
internal static class TimelineStyle
{
    /// <summary>The font stack: the viewer's UI font, which is what GitHub and VS Code use around the chart.</summary>
    public const string FontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

    public const string Text = "#1f2328";
    public const string MutedText = "#57606a";
    public const string Grid = "#e6e8eb";
    public const string RowStripe = "#f6f8fa";
    public const string Mark = "#24292f";

    public const string RunningFill = "#1f77b4";
    public const string WaitingFill = "#e8f1fa";
    public const string WaitingHatch = "#6f9fcf";
    public const string QueuedFill = "#fce8b2";
    public const string QueuedDots = "#a16c00";
    public const string BlockedFill = "#d62728";
    public const string BlockedEdge = "#8b1414";
    public const string BlockedHatch = "#ffffff";

    /// <summary>Wake-up arrows: a colour no state or thread uses.</summary>
    public const string WakeUp = "#7b3fd4";

    /// <summary>The player's highlight of the slice that runs at the current step.</summary>
    public const string Highlight = "#ff9f1c";

    /// <summary>Thread colours for running bars coloured by thread; no red (blocked), amber (queued) or violet (wake-ups).</summary>
    private static readonly string[] ThreadPalette =
        ["#1f77b4", "#2ca02c", "#17becf", "#8c564b", "#e377c2", "#bcbd22", "#7f7f7f", "#393b79"];

    public static string ThreadColor(int index) => ThreadPalette[index % ThreadPalette.Length];

    public static string Fill(SegmentState state) => state switch
    {
        SegmentState.Running => RunningFill,
        SegmentState.Waiting => WaitingFill,
        SegmentState.Queued => QueuedFill,
        _ => BlockedFill,
    };

    /// <summary>The outline: darker than the fill, so pale bars keep their edges on a white page.</summary>
    public static string Edge(SegmentState state, string fill) => state switch
    {
        SegmentState.Waiting => WaitingHatch,
        SegmentState.Queued => QueuedDots,
        SegmentState.Blocked => BlockedEdge,
        _ => fill,
    };

    /// <summary>Caption colour on a bar of this state: dark on pale fills, white on dark ones.</summary>
    public static string CaptionColor(SegmentState state) => state is SegmentState.Waiting or SegmentState.Queued ? Text : "#ffffff";

    public static string StateName(SegmentState state) => state switch
    {
        SegmentState.Running => "running",
        SegmentState.Waiting => "waiting",
        SegmentState.Blocked => "blocked",
        SegmentState.Queued => "queued",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown segment state."),
    };

    /// <summary>The legend's words for a state: what it means for the thread.</summary>
    public static string LegendName(SegmentState state) => state switch
    {
        SegmentState.Running => "running",
        SegmentState.Waiting => "waiting (no thread held)",
        SegmentState.Blocked => "blocked (holds a thread)",
        SegmentState.Queued => "queued (ready, no thread yet)",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown segment state."),
    };

    public static string ThreadName(int threadId) => threadId == 0 ? "no thread" : $"thread {threadId}";
}
