using AsyncLab;

namespace AsyncLab.Tests.Charts;

public class TimelineSequenceTests
{
    private static readonly Segment[] s_python = [new("py · f(2)", "visit", SegmentState.Waiting, 0, 200, 0), new("py · f(3)", "visit", SegmentState.Waiting, 200, 500, 0)];
    private static readonly Segment[] s_csharp = [new("cs · f(2)", "visit", SegmentState.Waiting, 1, 201, 7), new("cs · f(3)", "visit", SegmentState.Waiting, 1, 301, 7)];

    [Fact]
    public void Each_recording_starts_after_the_previous_one_plus_the_gap()
    {
        var sequence = new TimelineSequence(TimeSpan.FromMilliseconds(50)).Add(s_python).Add(s_csharp, [new TraceMark("cs · f(2)", "called", 0, 7)]);

        var timeline = sequence.ToTimeline("two runs");

        var csharp = timeline.Segments.Where(s => s.Lane.StartsWith("cs", StringComparison.Ordinal)).ToList();
        Assert.Equal([551.0, 551.0], csharp.Select(s => s.StartMs));
        Assert.Equal(851.0, csharp[1].EndMs);
        Assert.Equal(550.0, Assert.Single(timeline.Marks).AtMs);
        Assert.Equal(901.0, sequence.NextStartMs);   // the last end (851) plus the gap
        Assert.Equal("two runs", timeline.Title);
    }

    [Fact]
    public void Rows_keep_the_order_in_which_recordings_were_added()
    {
        // Both recordings start at zero on their own clocks: drawn together their rows would interleave.
        var text = new TimelineSequence(TimeSpan.Zero).Add(s_python).Add(s_csharp).ToTimeline().ToText(100);

        var rows = text.Split('\n').Select(line => line.Split('|')[0].Trim()).Where(name => name.Length > 0 && !name.StartsWith('+')).Take(4).ToList();
        Assert.Equal(["py · f(2)", "py · f(3)", "cs · f(2)", "cs · f(3)"], rows);
    }

    [Fact]
    public void A_trace_is_added_with_its_segments_and_marks()
    {
        var trace = new Trace();
        using (trace.Span("work", "busy"))
            trace.Mark("work", "inside");

        var timeline = new TimelineSequence(TimeSpan.FromMilliseconds(10)).Add(s_python).Add(trace).ToTimeline();

        Assert.True(Assert.Single(timeline.Segments, s => s.Lane == "work").StartMs >= 510);
        Assert.True(Assert.Single(timeline.Marks).AtMs >= 510);
    }

    [Fact]
    public void A_negative_gap_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new TimelineSequence(TimeSpan.FromMilliseconds(-1)));
}
