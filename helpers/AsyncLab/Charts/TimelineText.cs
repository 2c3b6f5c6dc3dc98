namespace AsyncLab.Charts;

/// <summary>The words of a hover text or tooltip, shared by the SVG and plotly renderers (escaped by each).</summary>
internal static class TimelineText
{
    public static string Tooltip(Segment s, TimeAxis axis) =>
        $"{s.Lane}: {TimelineStyle.StateName(s.State)}{(s.Label.Length > 0 ? " · " + s.Label : "")}\n" +
        $"{axis.Precise(s.StartMs)} → {axis.Precise(s.EndMs)} ({axis.Precise(s.DurationMs)})\n" +
        TimelineStyle.ThreadName(s.ThreadId);

    public static string Tooltip(WakeUp w, TimeAxis axis) =>
        $"{w.Lane} resumes on {TimelineStyle.ThreadName(w.ThreadId)}: {w.Cause}\n" +
        $"cause at {axis.Precise(w.AtMs)} ({w.FromLane}, {TimelineStyle.ThreadName(w.FromThreadId)}), resumed at {axis.Precise(w.ResumedMs)}";

    public static string Tooltip(TraceMark m, TimeAxis axis) =>
        $"{m.Lane}: {m.Label}\nat {axis.Precise(m.AtMs)}\n{TimelineStyle.ThreadName(m.ThreadId)}";
}
