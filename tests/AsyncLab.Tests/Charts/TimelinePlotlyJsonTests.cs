using System.Text.Json;
using AsyncLab;

namespace AsyncLab.Tests.Charts;

public class TimelinePlotlyJsonTests
{
    private static JsonElement Figure(Timeline timeline) => JsonDocument.Parse(timeline.ToPlotlyJson()).RootElement;

    private static JsonElement Trace(JsonElement figure, string name) =>
        figure.GetProperty("data").EnumerateArray().Single(t => t.GetProperty("name").GetString() == name);

    [Fact]
    public void One_horizontal_bar_trace_per_state_holds_every_segment()
    {
        var figure = Figure(SampleTimelines.Interleaving());
        var bars = figure.GetProperty("data").EnumerateArray().Where(t => t.GetProperty("type").GetString() == "bar").ToList();

        Assert.Equal(["waiting (no thread held)", "running", "blocked (holds a thread)"], bars.Select(t => t.GetProperty("name").GetString()));
        Assert.All(bars, t => Assert.Equal("h", t.GetProperty("orientation").GetString()));
        Assert.Equal(8, bars.Sum(t => t.GetProperty("x").GetArrayLength()));
        Assert.Equal("overlay", figure.GetProperty("layout").GetProperty("barmode").GetString());
    }

    [Fact]
    public void Bars_start_at_base_and_x_is_the_duration()
    {
        var blocked = Trace(Figure(SampleTimelines.Interleaving()), "blocked (holds a thread)");

        Assert.Equal(30, blocked.GetProperty("base")[0].GetDouble());
        Assert.Equal(370, blocked.GetProperty("x")[0].GetDouble());
        // Row 2, shifted down to where the SVG draws the bar (the top of a row holds mark labels).
        Assert.Equal(2.075, blocked.GetProperty("y")[0].GetDouble());
        Assert.Equal(["sync-over-async", ".Result", "30.0 ms", "400.0 ms", "370.0 ms", "thread 7"],
            blocked.GetProperty("customdata")[0].EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Rows_are_named_top_down_and_marks_are_points()
    {
        var figure = Figure(SampleTimelines.Interleaving());
        var yaxis = figure.GetProperty("layout").GetProperty("yaxis");
        var marks = Trace(figure, "mark");

        Assert.Equal(["download A", "download B", "sync-over-async"], yaxis.GetProperty("ticktext").EnumerateArray().Select(e => e.GetString()));
        Assert.True(yaxis.GetProperty("range")[0].GetDouble() > yaxis.GetProperty("range")[1].GetDouble(), "first row on top");
        Assert.Equal("scatter", marks.GetProperty("type").GetString());
        Assert.Equal([310.0, 420.0], marks.GetProperty("x").EnumerateArray().Select(e => e.GetDouble()));
    }

    [Fact]
    public void Seconds_axis_converts_bars_to_seconds()
    {
        var figure = Figure(SampleTimelines.Seconds());

        Assert.Equal("time since trace start (s)", figure.GetProperty("layout").GetProperty("xaxis").GetProperty("title").GetProperty("text").GetString());
        Assert.Equal(3, Trace(figure, "blocked (holds a thread)").GetProperty("x")[0].GetDouble());
    }

    [Fact]
    public void Coloring_by_thread_gives_one_running_trace_per_thread()
    {
        var timeline = SampleTimelines.Interleaving();
        timeline.Coloring = TimelineColoring.ByThread;
        var names = Figure(timeline).GetProperty("data").EnumerateArray().Select(t => t.GetProperty("name").GetString()).ToList();

        Assert.Contains("running on thread 1", names);
        Assert.Contains("running on thread 7", names);
        Assert.DoesNotContain("running", names);
    }

    [Fact]
    public void Hostile_text_is_escaped_for_the_script_and_entity_encoded_for_plotly()
    {
        var json = SampleTimelines.Hostile().ToPlotlyJson();
        var figure = JsonDocument.Parse(json).RootElement;

        Assert.DoesNotContain('<', json);
        Assert.DoesNotContain('>', json);
        Assert.DoesNotContain("\u2028", json);
        Assert.DoesNotContain("&lt;", json);
        var running = Trace(figure, "running");
        Assert.Equal("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;", running.GetProperty("customdata")[0][0].GetString());
        Assert.Equal("<b>&lt;b onmouseover=alert(3)&gt;title&lt;/b&gt;</b>", figure.GetProperty("layout").GetProperty("title").GetProperty("text").GetString());
    }
}
