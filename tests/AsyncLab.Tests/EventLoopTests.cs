using AsyncLab;

namespace AsyncLab.Tests;

public class EventLoopTests
{
    [Fact]
    public void Nested_run_on_the_same_thread_is_refused_like_asyncio()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            EventLoop.Run(() => EventLoop.Run(() => { })));
        Assert.Contains("cannot be called from a running event loop", error.Message);
        Assert.False(EventLoop.IsRunning);
    }

    [Fact]
    public void Every_continuation_runs_on_the_loop_thread_and_ConfigureAwait_false_leaves_it()
    {
        var caller = Environment.CurrentManagedThreadId;
        var (seen, escaped, loopId) = EventLoop.Run(async () =>
        {
            var threads = new List<int>();
            for (var i = 0; i < 5; i++)
            {
                await Task.Delay(5);
                threads.Add(Environment.CurrentManagedThreadId);
                await Task.Run(() => Thread.Sleep(1));
                threads.Add(Environment.CurrentManagedThreadId);
                await Task.Yield();
                threads.Add(Environment.CurrentManagedThreadId);
            }
            var loop = EventLoop.ThreadId;
            await Task.Delay(5).ConfigureAwait(false);
            return (threads, Environment.CurrentManagedThreadId, loop);
        });
        Assert.Equal(caller, loopId);
        Assert.All(seen, id => Assert.Equal(caller, id));
        Assert.NotEqual(caller, escaped);
    }

    [Fact]
    public void Task_Factory_StartNew_and_ContinueWith_inside_the_loop_stay_on_it()
    {
        var caller = Environment.CurrentManagedThreadId;
        var ids = EventLoop.Run(async () =>
        {
            // Before the first await main runs as a task of the loop's scheduler, so it is TaskScheduler.Current.
            var started = await Task.Factory.StartNew(() => Environment.CurrentManagedThreadId);
            var continued = await Task.Delay(5).ContinueWith(_ => Environment.CurrentManagedThreadId, EventLoop.Scheduler!);
            return new[] { started, continued };
        });
        Assert.All(ids, id => Assert.Equal(caller, id));
    }

    [Fact]
    public void Run_waits_for_async_void_work()
    {
        var finished = false;
        EventLoop.Run(() =>
        {
            Fire();
        });
        Assert.True(finished);

        async void Fire()
        {
            await Task.Delay(20);
            finished = true;
        }
    }

    [Fact]
    public void An_async_void_exception_surfaces_unwrapped_from_Run()
    {
        var error = Assert.Throws<FormatException>(() => EventLoop.Run(async () =>
        {
            Explode();
            await Task.Delay(200);
        }));
        Assert.Equal("boom from async void", error.Message);

        static async void Explode()
        {
            await Task.Yield();
            throw new FormatException("boom from async void");
        }
    }

    [Fact]
    public void Main_exceptions_surface_unwrapped_for_every_overload()
    {
        Assert.Throws<ArithmeticException>(() => EventLoop.Run(() => throw new ArithmeticException()));
        Assert.Throws<ArithmeticException>(() => EventLoop.Run((Func<int>)(() => throw new ArithmeticException())));
        Assert.Throws<ArithmeticException>(() => EventLoop.Run(async () =>
        {
            await Task.Yield();
            throw new ArithmeticException();
        }));
        Assert.Equal(42, EventLoop.Run(async () =>
        {
            await Task.Yield();
            return 42;
        }));
    }

    [Fact]
    public void Main_failing_returns_promptly_even_with_async_void_work_left()
    {
        var log = new StringWriter();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.Throws<TimeoutException>(() => EventLoop.Run(async () =>
        {
            Forever();
            await Task.Yield();
            throw new TimeoutException();
        }, new LoopOptions { Log = log }));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");

        static async void Forever() => await Task.Delay(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void Work_still_pending_when_main_returns_is_reported_not_waited_for()
    {
        var log = new StringWriter();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var report = EventLoop.RunWithReport(async () =>
        {
            _ = EventLoop.CreateTask("sleeper", () => Task.Delay(TimeSpan.FromSeconds(30)));
            await Task.Delay(10);
        }, new LoopOptions { Log = log });
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5));
        Assert.Contains(report.Pending, p => p.Contains("'sleeper'", StringComparison.Ordinal));
        Assert.Contains("still pending when main returned", log.ToString());
        Assert.Contains("sleeper", log.ToString());
    }

    [Theory]
    [InlineData(PendingWorkPolicy.Report)]
    [InlineData(PendingWorkPolicy.Throw)]
    public void When_main_fails_its_exception_surfaces_and_pending_work_is_still_reported(PendingWorkPolicy policy)
    {
        var log = new StringWriter();
        var error = Assert.Throws<FormatException>(() => EventLoop.Run(async () =>
        {
            _ = EventLoop.CreateTask("orphan", () => Task.Delay(TimeSpan.FromSeconds(30)));
            await Task.Yield();
            throw new FormatException("main failed");
        }, new LoopOptions { Log = log, Pending = policy }));
        Assert.Equal("main failed", error.Message);
        Assert.Contains("orphan", log.ToString());
    }

    [Fact]
    public void Pending_work_throws_under_the_Throw_policy_and_names_traced_tasks()
    {
        var trace = new Trace();
        var error = Assert.Throws<PendingWorkException>(() => EventLoop.Run(async () =>
        {
            _ = trace.Run("forgotten", () => Task.Delay(TimeSpan.FromSeconds(30)));
            await Task.Yield();
        }, new LoopOptions { Pending = PendingWorkPolicy.Throw }));
        Assert.Contains("forgotten", error.Message);
    }

    [Fact]
    public async Task A_callback_arriving_after_the_loop_closed_still_runs_and_is_reported()
    {
        var log = new StringWriter();
        var resumed = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        EventLoop.Run(async () =>
        {
            _ = Later();
            await Task.Delay(5);
        }, new LoopOptions { Log = log });
        Assert.True(await resumed.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Contains("Later arrived after the loop closed; it runs on the thread pool", log.ToString());

        async Task Later()
        {
            await Task.Delay(150);
            resumed.SetResult(true);
        }
    }

    [Fact]
    public void Finished_work_gives_no_pending_report()
    {
        var log = new StringWriter();
        var report = EventLoop.RunWithReport(async () =>
        {
            await EventLoop.CreateTask("quick", () => Task.Delay(5));
        }, new LoopOptions { Log = log });
        Assert.Empty(report.Pending);
        Assert.Equal("", log.ToString());
    }

    [Fact]
    public void Slow_callbacks_are_reported_with_lane_and_duration()
    {
        var log = new StringWriter();
        var trace = new Trace();
        var report = EventLoop.RunWithReport(async () =>
        {
            await trace.Run("blocker", async () =>
            {
                await Task.Yield();
                Thread.Sleep(150);
            });
            await trace.Run("polite", async () =>
            {
                await Task.Yield();
                await Task.Delay(150);
            });
        }, new LoopOptions { SlowCallbackThreshold = TimeSpan.FromMilliseconds(100), Log = log });
        var slow = Assert.Single(report.SlowCallbacks);
        Assert.Equal("blocker", slow.Name);
        Assert.True(slow.Duration >= TimeSpan.FromMilliseconds(140), slow.Duration.ToString());
        Assert.Contains("callback 'blocker' blocked the event loop for", log.ToString());
    }

    [Fact]
    public void CreateTask_outside_a_loop_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => { _ = EventLoop.CreateTask("x", () => Task.CompletedTask); });
        Assert.Contains("running event loop", error.Message);
    }

    [Fact]
    public void A_loop_trace_gets_one_slice_per_callback_named_after_the_method()
    {
        var trace = new Trace();
        var report = EventLoop.RunWithReport(() => Worker(), new LoopOptions { Trace = trace });
        var slices = trace.Segments.Where(s => s.Lane == "Worker" && s.State == SegmentState.Running).ToList();
        Assert.True(slices.Count >= 3, string.Join(", ", trace.Segments.Select(s => s.Lane)));
        Assert.True(report.Callbacks >= 3);
        Assert.All(slices, s => Assert.Equal(Environment.CurrentManagedThreadId, s.ThreadId));
        // Time in the loop's queue, if any was long enough to draw, holds no thread.
        Assert.All(trace.Segments.Where(s => s.State == SegmentState.Queued), s => Assert.Equal(0, s.ThreadId));

        static async Task Worker()
        {
            for (var i = 0; i < 3; i++)
                await Task.Yield();
        }
    }
}
