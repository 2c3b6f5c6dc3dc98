using System.Globalization;
using System.Xml.Linq;
using AsyncLab;
using static AsyncLab.Tests.Charts.SvgQuery;

namespace AsyncLab.Tests.Charts;

public class TimelineSvgTests
{
    [Fact]
    public void Draws_one_bar_per_segment_with_the_state_as_class()
    {
        var timeline = SampleTimelines.Interleaving();
        var svg = Parse(timeline);

        Assert.Equal(timeline.Segments.Count, WithClass(svg, "rect", "bar").Count);
        Assert.Equal(5, WithClass(svg, "rect", "running").Count);
        Assert.Equal(2, WithClass(svg, "rect", "waiting").Count);
        Assert.Single(WithClass(svg, "rect", "blocked"));
    }

    [Fact]
    public void Labels_each_lane_once_in_order_of_first_activity()
    {
        var lanes = WithClass(Parse(SampleTimelines.Interleaving()), "text", "lane").Select(e => e.Nodes().OfType<XText>().Single().Value);

        Assert.Equal(["download A", "download B", "sync-over-async"], lanes);
    }

    [Fact]
    public void Legend_names_the_states_present_and_marks()
    {
        var legend = Parse(SampleTimelines.Interleaving()).Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "legend");

        Assert.Equal(["running", "waiting (no thread held)", "blocked (holds a thread)", "mark"], legend.Descendants(Svg + "text").Select(t => t.Value));
    }

    [Fact]
    public void Waiting_bars_are_hatched_and_blocked_bars_red_and_cross_hatched()
    {
        var svg = Parse(SampleTimelines.Interleaving());
        string? PatternFill(string id) => (string?)svg.Descendants(Svg + "pattern").Single(p => ((string)p.Attribute("id")!).EndsWith(id, StringComparison.Ordinal))
            .Element(Svg + "rect")!.Attribute("fill");

        Assert.EndsWith("-waiting)", (string?)WithClass(svg, "rect", "waiting").First().Attribute("fill"));
        Assert.EndsWith("-blocked)", (string?)WithClass(svg, "rect", "blocked").Single().Attribute("fill"));
        Assert.Equal("#d62728", PatternFill("-blocked"));
    }

    [Fact]
    public void Axis_is_in_milliseconds_for_short_traces_and_seconds_for_long_ones()
    {
        var shortAxis = WithClass(Parse(SampleTimelines.Interleaving()), "text", "axis-title").Single().Value;
        var longTicks = WithClass(Parse(SampleTimelines.Seconds()), "text", "tick").Select(t => t.Value).ToList();

        Assert.Equal("time since trace start (ms)", shortAxis);
        Assert.Equal("time since trace start (s)", WithClass(Parse(SampleTimelines.Seconds()), "text", "axis-title").Single().Value);
        Assert.Equal("0", longTicks[0]);
        Assert.Contains("4", longTicks);
    }

    [Fact]
    public void A_long_legend_wraps_inside_the_chart_and_pushes_the_lanes_down()
    {
        // Colouring by thread gives one legend entry per thread: twelve of them do not fit on one 900-pixel line.
        var segments = Enumerable.Range(1, 12).Select(t => new Segment($"task {t}", "run", SegmentState.Running, t * 10, (t * 10) + 5, 100 + t));
        var timeline = Timeline.From(segments);
        timeline.Coloring = TimelineColoring.ByThread;
        var svg = Parse(timeline);

        var entries = WithClass(svg, "g", "legend-item").Select(e => e.Element(Svg + "text")!).ToList();
        var lines = entries.Select(t => (double)t.Attribute("y")!).Distinct().ToList();
        var firstBarTop = WithClass(svg, "rect", "bar").Min(b => (double)b.Attribute("y")!);
        Assert.Equal(12, entries.Count);
        Assert.True(lines.Count >= 2, "the legend should wrap onto a second line");
        Assert.All(entries, t => Assert.True((double)t.Attribute("x")! + (t.Value.Length * 7.1) <= timeline.Width, $"'{t.Value}' runs off the chart"));
        Assert.True(firstBarTop > lines.Max(), "the lanes start below the last legend line");
    }

    [Fact]
    public void A_minimum_span_stretches_the_axis_so_charts_share_one_scale()
    {
        double LastTick(Timeline t) => double.Parse(WithClass(Parse(t), "text", "tick").Last().Value, CultureInfo.InvariantCulture);
        var shared = SampleTimelines.Seconds();
        shared.MinimumSpan = TimeSpan.FromSeconds(10);

        Assert.True(LastTick(SampleTimelines.Seconds()) < 10);
        Assert.Equal(10, LastTick(shared));
        Assert.Throws<ArgumentOutOfRangeException>(() => shared.MinimumSpan = TimeSpan.Zero);
    }

    [Fact]
    public void Bar_tooltips_carry_lane_state_times_and_thread()
    {
        var tooltip = WithClass(Parse(SampleTimelines.Interleaving()), "rect", "blocked").Single().Element(Svg + "title")!.Value;

        Assert.Equal("sync-over-async: blocked · .Result\n30.0 ms → 400.0 ms (370.0 ms)\nthread 7", tooltip);
    }

    [Fact]
    public void By_thread_rows_are_threads_and_bars_are_captioned_with_tasks()
    {
        var timeline = Timeline.From(SampleTimelines.Interleaving().Segments, mode: LaneMode.ByThread);
        var svg = Parse(timeline);

        Assert.Equal(["thread 1", "thread 7"], WithClass(svg, "text", "lane").Select(e => e.Nodes().OfType<XText>().Single().Value));
        // Waiting holds no thread, so by thread only running and blocked segments are drawn.
        Assert.Equal(6, WithClass(svg, "rect", "bar").Count);
        Assert.Contains("sync-over-async", WithClass(svg, "text", "caption").Select(t => t.Value));
    }

    [Fact]
    public void Hostile_names_are_text_not_markup()
    {
        var raw = SampleTimelines.Hostile().ToSvg();
        var svg = XElement.Parse(raw);

        Assert.DoesNotContain("<script", raw);
        Assert.DoesNotContain("<img", raw);
        Assert.DoesNotContain("<b ", raw);
        Assert.DoesNotContain(svg.Descendants(), e => e.Name.LocalName is "script" or "img" or "b");
        Assert.Contains(svg.Descendants(Svg + "title"), t => t.Value.StartsWith(SampleTimelines.HostileLane + ": running · " + SampleTimelines.HostileLabel, StringComparison.Ordinal));
    }

    [Fact]
    public void Standalone_svg_has_no_xml_declaration_and_fixed_size()
    {
        var timeline = SampleTimelines.Interleaving();
        timeline.Width = 640;
        var raw = timeline.ToSvg();

        Assert.StartsWith("<svg ", raw);
        Assert.Equal("640", (string?)XElement.Parse(raw).Attribute("width"));
    }

    [Fact]
    public void Mark_labels_that_would_overprint_each_other_are_left_to_the_tooltip()
    {
        var timeline = Timeline.From(
            [new Segment("t", "run", SegmentState.Running, 0, 1000, 1)],
            [new TraceMark("t", "first", 100, 1), new TraceMark("t", "second", 101, 1), new TraceMark("t", "third", 600, 1)]);
        var svg = Parse(timeline);

        Assert.Equal(3, WithClass(svg, "g", "mark").Count);
        Assert.Equal(["first", "third"], WithClass(svg, "text", "mark-label").Select(t => t.Value));
    }

    [Fact]
    public void Empty_timeline_says_so()
    {
        var svg = Parse(Timeline.From([]));

        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value == "no segments recorded");
    }

    [Fact]
    public void Invalid_intervals_are_rejected_with_the_segment_named()
    {
        var error = Assert.Throws<ArgumentException>(() => Timeline.From([new Segment("lane x", "backwards", SegmentState.Running, 10, 5, 1)]));

        Assert.Contains("lane x", error.Message);
        Assert.Equal("segments", error.ParamName);
    }

    [Fact]
    public void SaveSvg_writes_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"timeline-{Guid.NewGuid():N}", "chart.svg");
        try
        {
            SampleTimelines.Interleaving().SaveSvg(path);

            Assert.Equal(8, XElement.Parse(File.ReadAllText(path)).Descendants(Svg + "rect").Count(r => ((string?)r.Attribute("class"))?.StartsWith("bar", StringComparison.Ordinal) == true));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }
}
