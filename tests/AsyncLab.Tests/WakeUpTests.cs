using System.Text.Json;
using AsyncLab;

namespace AsyncLab.Tests;

/// <summary>What AsyncLab records by itself: blocked sleeps, time queued on the loop, and who woke whom.</summary>
public class WakeUpTests
{
    [Fact]
    public void LabTime_Sleep_inside_a_lane_is_recorded_as_blocked_on_its_thread()
    {
        var trace = new Trace();
        EventLoop.Run(() => trace.Run("sleeper", async () =>
        {
            await Task.Yield();
            LabTime.Sleep(0.03 / LabTime.Scale);
        }));

        var blocked = Assert.Single(trace.Segments, s => s.State == SegmentState.Blocked);
        Assert.Equal("sleeper", blocked.Lane);
        Assert.StartsWith("Thread.Sleep(", blocked.Label);
        Assert.NotEqual(0, blocked.ThreadId);
        Assert.InRange(blocked.DurationMs, 25, 1000);
        Assert.DoesNotContain(trace.Segments, s => s.Lane == "sleeper" && s.State == SegmentState.Running && s.StartMs < blocked.EndMs && s.EndMs > blocked.StartMs + 0.01);
    }

    [Fact]
    public void A_lane_ready_while_another_blocks_the_loop_is_queued_and_woken_by_its_timer()
    {
        var trace = new Trace();
        EventLoop.Run(async () =>
        {
            var a = trace.Run("A", () => LabTime.Delay(0.01 / LabTime.Scale));
            var b = trace.Run("B", () =>
            {
                LabTime.Sleep(0.1 / LabTime.Scale);   // holds the loop thread while A's timer fires
                return Task.CompletedTask;
            });
            await Task.WhenAll(a, b);
        }, new LoopOptions { Trace = trace });

        var queued = Assert.Single(trace.Segments, s => s.Lane == "A" && s.State == SegmentState.Queued);
        Assert.Equal(0, queued.ThreadId);
        Assert.InRange(queued.DurationMs, 20, 1000);
        var wake = Assert.Single(trace.WakeUps, w => w.Lane == "A");
        Assert.Equal("its timer fired", wake.Cause);
        // The arrow lands on A's first slice after its time in the queue.
        Assert.True(wake.ResumedMs >= queued.EndMs - 0.01);
        Assert.DoesNotContain(trace.Segments, s => s.Lane == "A" && s.State == SegmentState.Running && s.StartMs >= queued.EndMs - 0.01 && s.StartMs < wake.ResumedMs);
        Assert.True(wake.AtMs <= queued.StartMs + 0.5, $"the timer fired at {wake.AtMs} ms, queued from {queued.StartMs} ms");
    }

    [Fact]
    public void SetResult_in_one_lane_wakes_the_lane_awaiting_it()
    {
        var trace = new Trace();
        var signal = new TaskCompletionSource();
        EventLoop.Run(async () =>
        {
            var waiter = trace.Run("waiter", async () => await signal.Task);
            var setter = trace.Run("setter", async () =>
            {
                await LabTime.Delay(0.02 / LabTime.Scale);
                signal.SetResult();
            });
            await Task.WhenAll(waiter, setter);
        }, new LoopOptions { Trace = trace });

        var wake = Assert.Single(trace.WakeUps, w => w.Lane == "waiter");
        Assert.Equal("setter", wake.FromLane);
        Assert.Equal("woken by setter", wake.Cause);
        Assert.Equal(EventLoop.ThreadId ?? Environment.CurrentManagedThreadId, wake.ThreadId);
    }

    [Fact]
    public async Task An_explicit_wake_up_names_its_cause()
    {
        var trace = new Trace();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var waiter = trace.Run("waiter", async () => await done.Task);
        await Task.Delay(5);
        trace.WakeUp("waiter", "the callback API reported");
        done.SetResult();
        await waiter;

        var wake = Assert.Single(trace.WakeUps, w => w.Cause == "the callback API reported");
        Assert.Equal("waiter", wake.Lane);
        Assert.True(wake.ResumedMs >= wake.AtMs);
    }

    [Fact]
    public void Perfetto_export_carries_queued_segments_and_wake_ups_as_flows()
    {
        var trace = new Trace();
        EventLoop.Run(async () =>
        {
            var a = trace.Run("A", () => LabTime.Delay(0.01 / LabTime.Scale));
            var b = trace.Run("B", async () => { await Task.Yield(); LabTime.Sleep(0.05 / LabTime.Scale); });
            await Task.WhenAll(a, b);
        }, new LoopOptions { Trace = trace });

        var events = JsonDocument.Parse(trace.ToChromeTraceJson()).RootElement.GetProperty("traceEvents").EnumerateArray().ToList();
        Assert.Contains(events, e => e.GetProperty("ph").GetString() == "X" && e.GetProperty("cat").GetString() == "queued");
        Assert.Contains(events, e => e.GetProperty("ph").GetString() == "X" && e.GetProperty("cat").GetString() == "blocked");
        var starts = events.Where(e => e.GetProperty("ph").GetString() == "s").ToList();
        var finishes = events.Where(e => e.GetProperty("ph").GetString() == "f").ToList();
        Assert.Equal(trace.WakeUps.Count, starts.Count);
        Assert.Equal(starts.Select(e => e.GetProperty("id").GetInt32()), finishes.Select(e => e.GetProperty("id").GetInt32()));
        Assert.All(finishes, f => Assert.Equal("e", f.GetProperty("bp").GetString()));
    }
}
