using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using AsyncLab;
using static AsyncLab.Tests.Charts.SvgQuery;

namespace AsyncLab.Tests.Charts;

/// <summary>The geometry of each view, state, panel and wake-up arrow, in the SVG and the plotly figure alike.</summary>
public class TimelineViewsTests
{
    private static List<string> Lanes(XElement svg) => WithClass(svg, "text", "lane").Select(e => e.Nodes().OfType<XText>().Single().Value).ToList();

    private static double Y(XElement e, string attribute = "y") => double.Parse((string)e.Attribute(attribute)!, CultureInfo.InvariantCulture);

    [Fact]
    public void By_thread_one_thread_shows_the_turns_on_one_row_and_leaves_waits_out()
    {
        var svg = Parse(SampleTimelines.AllStates(LaneMode.ByThread));

        Assert.Equal(["thread 1", "thread 7"], Lanes(svg));
        // 4 runs and the blocking sleep of A and B on thread 1, the pool's run on thread 7; waits and queue time hold no thread.
        Assert.Equal(6, WithClass(svg, "rect", "bar").Count);
        Assert.Empty(WithClass(svg, "rect", "waiting"));
        Assert.Empty(WithClass(svg, "rect", "queued"));
        Assert.Equal(5, WithClass(svg, "rect", "bar").Count(b => Y(b) == Y(WithClass(svg, "rect", "bar")[0])));
    }

    [Fact]
    public void Combined_view_draws_task_rows_then_a_thread_strip_with_the_same_slices()
    {
        var timeline = SampleTimelines.AllStates(LaneMode.Combined);
        var svg = Parse(timeline);
        var figure = JsonDocument.Parse(timeline.ToPlotlyJson()).RootElement;

        Assert.Equal(["A", "B", "pool", "thread 1", "thread 7"], Lanes(svg));
        Assert.Equal(["threads"], WithClass(svg, "text", "panel-caption").Select(t => t.Value));
        // Every segment on its task row, plus every slice that held a thread again on its thread row.
        Assert.Equal(timeline.Segments.Count + 6, WithClass(svg, "rect", "bar").Count);
        // Task slices are captioned with their thread; thread slices with their task.
        var captions = WithClass(svg, "text", "caption").Select(c => c.Value).ToList();
        Assert.Contains("thread 7", captions);
        Assert.Contains("pool", captions);
        // The strip's header takes a slot: thread rows sit one row lower than their index.
        Assert.Equal([0.075, 1.075, 2.075, 4.075, 5.075],
            figure.GetProperty("layout").GetProperty("yaxis").GetProperty("tickvals").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Contains(figure.GetProperty("data").EnumerateArray(), t => t.GetProperty("name").GetString() == "running on thread 7");
    }

    [Fact]
    public void Each_state_has_its_own_fill_pattern_and_legend_words()
    {
        var svg = Parse(SampleTimelines.AllStates());
        string Fill(string state) => (string)WithClass(svg, "rect", state)[0].Attribute("fill")!;

        Assert.Equal("#1f77b4", Fill("running"));
        Assert.EndsWith("-waiting)", Fill("waiting"));
        Assert.EndsWith("-queued)", Fill("queued"));
        Assert.EndsWith("-blocked)", Fill("blocked"));
        var legend = WithClass(svg, "g", "legend-item").Select(g => g.Element(Svg + "text")!.Value).ToList();
        Assert.Equal(["running", "waiting (no thread held)", "queued (ready, no thread yet)", "blocked (holds a thread)", "mark",
            "wake-up: cause → resumed slice"], legend);
        var patterns = JsonDocument.Parse(SampleTimelines.AllStates().ToPlotlyJson()).RootElement.GetProperty("data").EnumerateArray()
            .Where(t => t.TryGetProperty("marker", out var marker) && marker.TryGetProperty("pattern", out _))
            .ToDictionary(t => t.GetProperty("name").GetString()!, t => t.GetProperty("marker").GetProperty("pattern").GetProperty("shape").GetString());
        Assert.Equal("/", patterns["waiting (no thread held)"]);
        Assert.Equal(".", patterns["queued (ready, no thread yet)"]);
        Assert.Equal("x", patterns["blocked (holds a thread)"]);
    }

    [Fact]
    public void Panels_stack_runs_under_their_captions_on_one_shared_axis_from_zero()
    {
        var timeline = SampleTimelines.ThreeWays();
        var svg = Parse(timeline);

        var captions = WithClass(svg, "text", "panel-caption");
        Assert.Equal(["await Task.Delay: the thread is free", "Thread.Sleep: the thread is held", "Task.Run + .Result: two threads, one held"],
            captions.Select(c => c.Value));
        Assert.Equal(["thread 1", "thread 1", "thread 1", "thread 5"], Lanes(svg));
        // Captions go down the page, each above its rows; one axis, one legend.
        Assert.True(Y(captions[0]) < Y(captions[1]) && Y(captions[1]) < Y(captions[2]));
        Assert.Single(WithClass(svg, "text", "axis-title"));
        Assert.Single(svg.Descendants(Svg + "g"), g => (string?)g.Attribute("class") == "legend");
        // Each run from its own zero: the second panel's first bar starts where the first panel's does.
        var firstBars = WithClass(svg, "rect", "bar").GroupBy(b => Y(b)).Select(g => g.Min(b => Y(b, "x"))).ToList();
        Assert.Equal(firstBars[0], firstBars[1]);
        Assert.Contains("-- Thread.Sleep: the thread is held", timeline.ToText());
    }

    [Fact]
    public void Wake_up_arrows_go_from_the_cause_to_the_start_of_the_resumed_slice()
    {
        var timeline = SampleTimelines.AllStates();
        var svg = Parse(timeline);
        var figure = JsonDocument.Parse(timeline.ToPlotlyJson()).RootElement;

        var arrows = WithClass(svg, "g", "wake-up");
        Assert.Equal(2, arrows.Count);
        var bars = WithClass(svg, "rect", "running");
        var resumedB = bars.Single(b => b.Element(Svg + "title")!.Value.StartsWith("B: running · run\n150", StringComparison.Ordinal));
        var path = (string)arrows[1].Element(Svg + "path")!.Attribute("d")!;
        var end = path[(path.IndexOf('L') + 1)..].Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(Y(resumedB, "x"), end[0], 1);
        Assert.Equal(Y(resumedB) - 1, end[1], 1);
        Assert.Equal("B resumes on thread 1: woken by A", arrows[1].Element(Svg + "title")!.Value.Split('\n')[0]);
        // The same two arrows in plotly, as annotations landing at the resumed slices' starts (ms).
        var annotations = figure.GetProperty("layout").GetProperty("annotations").EnumerateArray().Where(a => a.GetProperty("showarrow").GetBoolean()).ToList();
        Assert.Equal([130.0, 150.0], annotations.Select(a => Math.Round(a.GetProperty("x").GetDouble())));
    }

    [Fact]
    public void Arrows_are_left_out_of_busy_charts_unless_asked_for()
    {
        var wakes = Enumerable.Range(0, 40).Select(i => new WakeUp("A", 1, i * 10, "A", 1, (i * 10) + 5, "its timer fired"));
        var segments = Enumerable.Range(0, 40).Select(i => new Segment("A", "run", SegmentState.Running, (i * 10) + 5, (i * 10) + 8, 1));
        var busy = Timeline.From(segments, wakeUps: wakes);

        Assert.Empty(WithClass(Parse(busy), "g", "wake-up"));
        busy.ShowWakeUps = true;
        Assert.Equal(40, WithClass(Parse(busy), "g", "wake-up").Count);
    }

    [Fact]
    public void Short_bars_get_their_caption_outside_when_the_row_is_free_there()
    {
        var timeline = Timeline.From([
            new Segment("A", "parse the response", SegmentState.Running, 0, 10, 1),
            new Segment("A", "x", SegmentState.Running, 500, 1000, 1),
        ]);
        var svg = Parse(timeline);
        var caption = WithClass(svg, "text", "caption").First(c => c.Value == "parse the response");
        var bar = WithClass(svg, "rect", "bar")[0];
        var figure = JsonDocument.Parse(timeline.ToPlotlyJson()).RootElement.GetProperty("data")[0];

        Assert.Equal("start", (string?)caption.Attribute("text-anchor"));
        Assert.True(Y(caption, "x") > Y(bar, "x") + Y(bar, "width"));
        Assert.Equal(["outside", "inside"], figure.GetProperty("textposition").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public void Repeated_and_coinciding_mark_labels_are_written_once()
    {
        var marks = Enumerable.Range(0, 10).Select(i => new TraceMark("heart", "beat", i * 100, 1))
            .Append(new TraceMark("other", "first", 500, 1)).Append(new TraceMark("other", "second", 501, 1));
        var timeline = Timeline.From([new Segment("heart", "run", SegmentState.Running, 0, 1000, 1)], marks);
        var labels = WithClass(Parse(timeline), "text", "mark-label").Select(t => t.Value).ToList();
        var text = JsonDocument.Parse(timeline.ToPlotlyJson()).RootElement.GetProperty("data").EnumerateArray()
            .Single(t => t.GetProperty("name").GetString() == "mark").GetProperty("text").EnumerateArray().Select(t => t.GetString()).ToList();

        Assert.Equal(["beat", "first"], labels);
        Assert.Equal(2, text.Count(t => t!.Length > 0));
    }

    [Fact]
    public void A_long_title_wraps_left_of_the_toolbar_in_both_pictures()
    {
        var timeline = SampleTimelines.AllStates();
        timeline.Title = string.Join(' ', Enumerable.Repeat("interleaving", 12));
        var titles = WithClass(Parse(timeline), "text", "title");
        var plotlyTitle = JsonDocument.Parse(timeline.ToPlotlyJson()).RootElement.GetProperty("layout").GetProperty("title").GetProperty("text").GetString()!;

        Assert.True(titles.Count >= 2);
        Assert.All(titles, t => Assert.True(12 + (t.Value.Length * 9) <= timeline.Width - 150, $"'{t.Value}' reaches under the toolbar"));
        Assert.Equal(titles.Count - 1, plotlyTitle.Split("<br>").Length - 1);
    }

    [Fact]
    public void Hostile_panel_captions_and_causes_stay_text()
    {
        var timeline = Timeline.Panels(SampleTimelines.HostileLane, LaneMode.Combined,
            new TimelinePanel(SampleTimelines.HostileLabel, [new Segment(SampleTimelines.HostileLane, "run", SegmentState.Running, 0, 10, 3)],
                wakeUps: [new WakeUp(SampleTimelines.HostileLane, 3, 0, SampleTimelines.HostileLane, 3, 0, SampleTimelines.HostileLabel)]));
        var html = timeline.ToHtml();
        var svg = Parse(timeline);

        Assert.Equal(SampleTimelines.HostileLabel, WithClass(svg, "text", "panel-caption")[0].Value);
        Assert.DoesNotContain("<img", html);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(html, "</script", System.Text.RegularExpressions.RegexOptions.IgnoreCase));
        var json = html[(html.IndexOf("class=\"asynclab-figure\">", StringComparison.Ordinal) + 24)..html.IndexOf("</script>", StringComparison.Ordinal)];
        var data = JsonDocument.Parse(json).RootElement;
        Assert.Contains(SampleTimelines.HostileLane, data.GetProperty("player").GetProperty("steps")[0].GetProperty("caption").GetString());
        Assert.DoesNotContain('<', json);
    }

    [Fact]
    public void Panels_need_at_least_one_run()
    {
        Assert.Throws<ArgumentException>(() => Timeline.Panels("none", LaneMode.ByTask));
    }
}
