using AsyncLab;

namespace AsyncLab.Tests.Charts;

public class TimelineTextTests
{
    [Fact]
    public void One_row_per_lane_then_axis_and_legend()
    {
        var lines = SampleTimelines.Interleaving().ToText(80).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("Two tasks share one thread", lines[0]);
        Assert.StartsWith("download A      |#", lines[1]);
        Assert.StartsWith("download B      |", lines[2]);
        Assert.StartsWith("sync-over-async |", lines[3]);
        Assert.Contains("+---", lines[4]);
        Assert.StartsWith("                 0", lines[5]);
        Assert.Contains("# run  . wait  ~ queued  X blocked  * mark  (time in ms)", lines[6]);
        Assert.All(lines, line => Assert.True(line.Length <= 80, $"'{line}' is wider than 80"));
    }

    [Fact]
    public void Cells_show_running_waiting_blocked_and_marks_in_time_order()
    {
        var rows = SampleTimelines.Interleaving().ToText(80).Split('\n');
        var taskA = rows[1][(rows[1].IndexOf('|') + 1)..];
        var blocking = rows[3][(rows[3].IndexOf('|') + 1)..];

        Assert.Matches(@"^#+\.+\*#+ *$", taskA);
        Assert.Matches(@"^ +X+#+ *$", blocking);
    }

    [Fact]
    public void A_short_running_slice_is_not_hidden_by_a_long_wait_in_the_same_cell()
    {
        var text = Timeline.From(
        [
            new Segment("t", "wait", SegmentState.Waiting, 0, 1000, 0),
            new Segment("t", "run", SegmentState.Running, 500, 500.1, 1),
        ]).ToText(60);

        Assert.Contains(".#.", text);
    }

    [Fact]
    public void ToString_is_the_text_rendering_and_long_labels_are_shortened()
    {
        var timeline = Timeline.From([new Segment(new string('x', 50), "run", SegmentState.Running, 0, 10, 1)]);

        Assert.Equal(timeline.ToText(), timeline.ToString());
        Assert.StartsWith(new string('x', 19) + "… |", timeline.ToString());
    }

    [Fact]
    public void Too_narrow_width_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SampleTimelines.Interleaving().ToText(20));
    }
}
