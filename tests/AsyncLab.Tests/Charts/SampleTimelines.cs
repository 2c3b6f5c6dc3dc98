using AsyncLab;

namespace AsyncLab.Tests.Charts;

/// <summary>Small timelines with a known shape, shared by the chart tests.</summary>
internal static class SampleTimelines
{
    public const string HostileLane = "</script><script>alert(1)</script>";
    public const string HostileLabel = "<img src=x onerror=alert(2)> & \u2028 \"quoted\"";

    /// <summary>Two tasks alternating on the loop thread (1), a third blocking a pool thread (7), marks on A and B.</summary>
    public static Timeline Interleaving(string? title = "Two tasks share one thread") => Timeline.From(
        [
            new Segment("download A", "start", SegmentState.Running, 0, 12, 1),
            new Segment("download A", "await GetAsync", SegmentState.Waiting, 12, 310, 0),
            new Segment("download B", "start", SegmentState.Running, 12, 20, 1),
            new Segment("download B", "await GetAsync", SegmentState.Waiting, 20, 420, 0),
            new Segment("download A", "parse", SegmentState.Running, 310, 360, 1),
            new Segment("download B", "parse", SegmentState.Running, 420, 470, 1),
            new Segment("sync-over-async", ".Result", SegmentState.Blocked, 30, 400, 7),
            new Segment("sync-over-async", "continue", SegmentState.Running, 400, 430, 7),
        ],
        [
            new TraceMark("download A", "response", 310, 1),
            new TraceMark("download B", "response", 420, 1),
        ],
        title);

    /// <summary>A lane and labels that try to break out of HTML, SVG and JSON.</summary>
    public static Timeline Hostile() => Timeline.From(
        [
            new Segment(HostileLane, HostileLabel, SegmentState.Running, 0, 50, 3),
            new Segment(HostileLane, HostileLabel, SegmentState.Waiting, 50, 90, 0),
        ],
        [new TraceMark(HostileLane, HostileLabel, 60, 3)],
        title: "<b onmouseover=alert(3)>title</b>");

    /// <summary>Segments spanning several seconds, so the axis switches to seconds.</summary>
    public static Timeline Seconds() => Timeline.From(
        [
            new Segment("slow", "sleep", SegmentState.Blocked, 0, 3000, 1),
            new Segment("fast", "tick", SegmentState.Running, 500, 4500, 4),
        ]);
}
