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

    /// <summary>
    /// Two tasks taking turns on the loop thread (1) with every state: A's timer wakes it but B holds the thread, so A
    /// sits queued; B blocks the loop in Thread.Sleep; A's SetResult wakes B.
    /// </summary>
    public static Timeline AllStates(LaneMode mode = LaneMode.ByTask) => Timeline.From(
        [
            new Segment("A", "run", SegmentState.Running, 0, 10, 1),
            new Segment("A", "await Task.Delay", SegmentState.Waiting, 10, 100, 0),
            new Segment("A", "queued", SegmentState.Queued, 100, 130, 0),
            new Segment("A", "run", SegmentState.Running, 130, 150, 1),
            new Segment("B", "run", SegmentState.Running, 10, 20, 1),
            new Segment("B", "await Task.Delay", SegmentState.Waiting, 20, 70, 0),
            new Segment("B", "Thread.Sleep", SegmentState.Blocked, 70, 130, 1),
            new Segment("B", "await tcs.Task", SegmentState.Waiting, 130, 150, 0),
            new Segment("B", "run", SegmentState.Running, 150, 170, 1),
            new Segment("pool", "Task.Run", SegmentState.Running, 40, 90, 7),
        ],
        [new TraceMark("A", "done", 150, 1)],
        "Two tasks take turns on thread 1",
        mode,
        [
            new WakeUp("A", 9, 100, "A", 1, 130, "its timer fired"),
            new WakeUp("A", 1, 148, "B", 1, 150, "woken by A"),
        ]);

    /// <summary>The same two-step program run three ways, each recorded from its own zero.</summary>
    public static Timeline ThreeWays(LaneMode mode = LaneMode.ByThread) => Timeline.Panels("The same program, three ways", mode,
        new TimelinePanel("await Task.Delay: the thread is free", [
            new Segment("A", "run", SegmentState.Running, 0, 5, 1),
            new Segment("A", "await", SegmentState.Waiting, 5, 100, 0),
            new Segment("A", "run", SegmentState.Running, 100, 105, 1),
        ]),
        new TimelinePanel("Thread.Sleep: the thread is held", [
            new Segment("A", "run", SegmentState.Running, 0, 5, 1),
            new Segment("A", "Thread.Sleep", SegmentState.Blocked, 5, 100, 1),
            new Segment("A", "run", SegmentState.Running, 100, 105, 1),
        ]),
        new TimelinePanel("Task.Run + .Result: two threads, one held", [
            new Segment("A", ".Result", SegmentState.Blocked, 0, 210, 1),
            new Segment("worker", "Thread.Sleep", SegmentState.Blocked, 2, 200, 5),
        ]));
}
