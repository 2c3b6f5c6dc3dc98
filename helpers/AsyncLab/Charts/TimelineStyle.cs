namespace AsyncLab.Charts;

/// <summary>Colours and names shared by the SVG and plotly renderers, so both pictures read the same.</summary>
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
    public const string WaitingFill = "#dbe9f6";
    public const string WaitingHatch = "#7fa7cf";
    public const string BlockedFill = "#d62728";
    public const string BlockedEdge = "#9b1c1c";

    /// <summary>Thread colours for <see cref="TimelineColoring.ByThread"/>; no red, which means "blocked".</summary>
    private static readonly string[] ThreadPalette =
        ["#1f77b4", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2", "#bcbd22", "#7f7f7f"];

    public static string ThreadColor(int index) => ThreadPalette[index % ThreadPalette.Length];

    public static string StateName(SegmentState state) => state switch
    {
        SegmentState.Running => "running",
        SegmentState.Waiting => "waiting",
        SegmentState.Blocked => "blocked",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown segment state."),
    };

    public static string ThreadName(int threadId) => threadId == 0 ? "no thread (awaiting)" : $"thread {threadId}";
}
