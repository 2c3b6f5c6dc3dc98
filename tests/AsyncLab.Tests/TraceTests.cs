using System.Text.Json;
using AsyncLab;

namespace AsyncLab.Tests;

public class TraceTests
{
    [Fact]
    public void Two_tasks_alternating_under_the_loop_give_alternating_slices_on_one_thread()
    {
        var trace = new Trace();
        EventLoop.Run(async () =>
        {
            // Task.Yield re-queues at the back of the loop's FIFO queue: A and B must take turns.
            var a = trace.Run("A", () => Steps(trace, "A"));
            var b = trace.Run("B", () => Steps(trace, "B"));
            await Task.WhenAll(a, b);
        });
        var running = trace.Segments.Where(s => s.State == SegmentState.Running).ToList();
        Assert.All(running, s => Assert.Equal(Environment.CurrentManagedThreadId, s.ThreadId));
        var lanes = running.Select(s => s.Lane).ToList();
        var alternations = lanes.Zip(lanes.Skip(1)).Count(p => p.First != p.Second);
        Assert.True(alternations >= 5, string.Join(" ", lanes));
        Assert.Contains(trace.Segments, s => s.Lane == "A" && s.State == SegmentState.Waiting);
        Assert.Equal(["A0", "B0", "A1", "B1", "A2", "B2"], trace.Order());
    }

    private static async Task Steps(Trace trace, string name)
    {
        for (var i = 0; i < 3; i++)
        {
            trace.Mark(name, name + i);
            Thread.SpinWait(1000);
            await Task.Yield();
        }
    }

    [Fact]
    public void A_trace_becomes_a_timeline_by_task_or_by_thread()
    {
        var trace = new Trace("two workers");
        EventLoop.Run(() => Task.WhenAll(trace.Run("A", () => Steps(trace, "A")), trace.Run("B", () => Steps(trace, "B"))));
        var byTask = trace.ToTimeline();
        Assert.Equal(trace.Segments.Count, byTask.Segments.Count);
        Assert.Equal(6, byTask.Marks.Count);
        Assert.Equal("two workers", byTask.Title);
        var byThread = trace.ToTimeline(LaneMode.ByThread, "threads");
        Assert.Equal(LaneMode.ByThread, byThread.Mode);
        Assert.Equal("threads", byThread.Title);
    }

    [Fact]
    public async Task Lanes_on_the_thread_pool_show_several_threads()
    {
        var trace = new Trace();
        var lanes = Enumerable.Range(0, 4).Select(i => trace.Run($"pool {i}", async () =>
        {
            for (var step = 0; step < 4; step++)
            {
                await Task.Delay(10).ConfigureAwait(false);
                Thread.SpinWait(20_000);
            }
        }));
        await Task.WhenAll(lanes);
        var threads = trace.Segments.Where(s => s.State == SegmentState.Running).Select(s => s.ThreadId).Distinct().Count();
        Assert.True(threads >= 2, $"threads seen: {threads}");
        Assert.Equal(4, trace.Summary().Lanes.Count);
    }

    [Fact]
    public void Recording_allocates_nothing_per_event_only_a_chunk_per_1024_events()
    {
        var trace = new Trace();
        trace.Mark("warm", "up");
        using (trace.Span("warm", "up")) { }
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 500; i++)
        {
            trace.Mark("lane", "mark");
            using (trace.Span("lane", "span", SegmentState.Blocked)) { }
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);

        // Past the first chunk: one array of 1024 events per 1024 events recorded, nothing else.
        const int Events = 100 * 1024;
        before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Events; i++)
            trace.Mark("lane", "mark");
        var perEvent = (double)(GC.GetAllocatedBytesForCurrentThread() - before) / Events;
        var eventSize = System.Runtime.CompilerServices.Unsafe.SizeOf<TraceEvent>();
        Assert.InRange(perEvent, eventSize * 0.9, eventSize * 1.05);
        Assert.Equal(501 + Events, trace.Marks.Count);
    }

    [Fact]
    public void A_blocked_span_inside_a_lane_replaces_its_run_slice()
    {
        var trace = new Trace();
        EventLoop.Run(() => trace.Run("worker", async () =>
        {
            await Task.Yield();
            using (trace.Span("worker", "sleep", SegmentState.Blocked))
                Thread.Sleep(30);
        }));
        var worker = trace.Segments.Where(s => s.Lane == "worker" && s.State != SegmentState.Waiting).ToList();
        var blocked = Assert.Single(worker, s => s.State == SegmentState.Blocked);
        Assert.True(blocked.DurationMs >= 25);
        Assert.DoesNotContain(worker, s => s.State == SegmentState.Running && s.StartMs < blocked.EndMs - 0.01 && s.EndMs > blocked.StartMs + 0.01);
        Assert.True(trace.Summary()["worker"].BlockedMs >= 25);
    }

    [Fact]
    public void Chrome_trace_json_is_valid_and_escapes_hostile_names()
    {
        var trace = new Trace("t");
        const string hostile = "</script><script>alert(\"1\")</script>";
        using (trace.Span(hostile, "a \"quoted\" label")) { }
        trace.Mark(hostile, "mark");
        var json = trace.ToChromeTraceJson();
        using var document = JsonDocument.Parse(json);
        var events = document.RootElement.GetProperty("traceEvents").EnumerateArray().ToList();
        Assert.Contains(events, e => e.GetProperty("ph").GetString() == "X" && e.GetProperty("name").GetString() == "a \"quoted\" label");
        Assert.Contains(events, e => e.GetProperty("ph").GetString() == "i");
        Assert.Contains(events, e => e.GetProperty("ph").GetString() == "M" && e.GetProperty("args").TryGetProperty("name", out var n) && n.GetString() == hostile);
        Assert.DoesNotContain("</script>", json);
    }

    [Fact]
    public void Capacity_is_bounded_and_drops_are_counted()
    {
        var trace = new Trace(capacity: 10);
        for (var i = 0; i < 3000; i++)
            trace.Mark("m", "x");
        Assert.Equal(1024, trace.Marks.Count);
        Assert.Equal(3000 - 1024, trace.Dropped);
    }
}
