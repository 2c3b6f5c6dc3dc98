using AsyncLab;
using Nito.AsyncEx;

namespace AsyncLab.Tests;

/// <summary>
/// The same small programs under AsyncLab's <see cref="EventLoop"/> and Nito.AsyncEx's <see cref="AsyncContext"/>
/// (5.1.2), the library answer to <c>asyncio.run</c>. Theories assert what both do alike; facts pin every difference,
/// which the AsyncLab README lists.
/// </summary>
public class AsyncExComparisonTests
{
    public enum Host { EventLoop, AsyncContext }

    private static T Run<T>(Host loop, Func<Task<T>> main) =>
        loop == Host.EventLoop ? EventLoop.Run(main, new LoopOptions { Log = TextWriter.Null }) : AsyncContext.Run(main);

    private static void Run(Host loop, Func<Task> main)
    {
        if (loop == Host.EventLoop)
            EventLoop.Run(main, new LoopOptions { Log = TextWriter.Null });
        else
            AsyncContext.Run(main);
    }

    private static void Run(Host loop, Action main)
    {
        if (loop == Host.EventLoop)
            EventLoop.Run(main, new LoopOptions { Log = TextWriter.Null });
        else
            AsyncContext.Run(main);
    }

    [Theory]
    [InlineData(Host.EventLoop)]
    [InlineData(Host.AsyncContext)]
    public void Two_tasks_take_turns_in_the_same_order(Host loop)
    {
        var steps = new List<string>();
        async Task Worker(string name)
        {
            for (var i = 1; i <= 3; i++)
            {
                steps.Add($"{name}{i}");
                await Task.Yield();
            }
        }

        Run(loop, () => Task.WhenAll(Worker("A"), Worker("B")));

        Assert.Equal(["A1", "B1", "A2", "B2", "A3", "B3"], steps);
    }

    [Theory]
    [InlineData(Host.EventLoop)]
    [InlineData(Host.AsyncContext)]
    public void Continuations_come_back_to_the_calling_thread_and_Task_Run_goes_to_the_pool(Host loop)
    {
        var caller = Environment.CurrentManagedThreadId;

        var (afterDelay, afterYield, insideRun, afterRun, afterConfigureAwaitFalse) = Run(loop, async () =>
        {
            await Task.Delay(10);
            var delay = Environment.CurrentManagedThreadId;
            await Task.Yield();
            var yield = Environment.CurrentManagedThreadId;
            var inside = await Task.Run(() => Environment.CurrentManagedThreadId);
            var run = Environment.CurrentManagedThreadId;
            await Task.Delay(10).ConfigureAwait(false);
            return (delay, yield, inside, run, Environment.CurrentManagedThreadId);
        });

        Assert.Equal([caller, caller, caller], new[] { afterDelay, afterYield, afterRun });
        Assert.NotEqual(caller, insideRun);
        Assert.NotEqual(caller, afterConfigureAwaitFalse);   // ConfigureAwait(false) leaves the loop in both
    }

    [Fact]
    public void Difference_StartNew_stays_on_the_EventLoop_thread_but_goes_to_the_pool_under_AsyncContext()
    {
        // EventLoop runs every callback as a task of its own scheduler, so TaskScheduler.Current is the loop's;
        // AsyncContext hides its scheduler (HideScheduler), so StartNew and ContinueWith without a scheduler use the pool.
        int StartNewThread(Host loop) => Run(loop, () => Task.Factory.StartNew(() => Environment.CurrentManagedThreadId));
        var caller = Environment.CurrentManagedThreadId;

        Assert.Equal(caller, StartNewThread(Host.EventLoop));
        Assert.NotEqual(caller, StartNewThread(Host.AsyncContext));
    }

    [Theory]
    [InlineData(Host.EventLoop)]
    [InlineData(Host.AsyncContext)]
    public void Run_waits_for_async_void_work_and_rethrows_its_exception_unwrapped(Host loop)
    {
        var finished = false;
        Run(loop, () =>
        {
            Action fire = async () =>
            {
                await Task.Delay(50);
                finished = true;
            };
            fire();
        });
        Assert.True(finished, "Run returned before the async void method finished");

        var error = Assert.Throws<InvalidOperationException>(() => Run(loop, () =>
        {
            Action fire = async () =>
            {
                await Task.Delay(10);
                throw new InvalidOperationException("boom in async void");
            };
            fire();
        }));
        Assert.Equal("boom in async void", error.Message);
    }

    [Fact]
    public void Difference_when_main_fails_EventLoop_returns_at_once_and_AsyncContext_waits_for_async_void_work()
    {
        // AsyncContext waits for outstanding async void work before rethrowing main's exception (AsyncEx#279: an endless
        // async void loop never lets Run return); EventLoop rethrows at once and leaves the leftovers to the thread pool.
        // The async void work waits for a gate that opens 0.3 s after main has failed, so no clock is read: a loop that
        // returns at once has returned before it finished, one that waits has not.
        bool SlowWorkFinishedBeforeRunReturned(Host loop)
        {
            var mainFailed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var slowFinished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            async Task Gate()
            {
                await mainFailed.Task;
                await Task.Delay(300);
            }

            var gate = Gate();
            Assert.Throws<TimeoutException>(() => Run(loop, async () =>
            {
                Action slow = async () => { await gate; slowFinished.SetResult(); };
                slow();
                await Task.Delay(10);
                mainFailed.SetResult();
                throw new TimeoutException("main failed");
            }));
            return slowFinished.Task.IsCompleted;
        }

        Assert.False(SlowWorkFinishedBeforeRunReturned(Host.EventLoop), "EventLoop waited for the async void work");
        Assert.True(SlowWorkFinishedBeforeRunReturned(Host.AsyncContext), "AsyncContext returned before the async void work finished");
    }

    [Theory]
    [InlineData(Host.EventLoop)]
    [InlineData(Host.AsyncContext)]
    public void Blocking_on_Result_inside_the_loop_deadlocks(Host loop)
    {
        // The continuation that would complete the task is queued behind the thread that blocks on it.
        async Task<int> NeedsTheLoop()
        {
            await Task.Delay(10);
            return 1;
        }

        var completed = Run(loop, () => Task.FromResult(NeedsTheLoop().Wait(TimeSpan.FromMilliseconds(500))));

        Assert.False(completed);
    }

    [Fact]
    public void Difference_a_nested_run_is_refused_by_EventLoop_and_allowed_by_AsyncContext()
    {
        // asyncio.run refuses to start inside a running loop ("cannot be called from a running event loop"); EventLoop does
        // the same. AsyncContext.Run nests: the inner loop runs on the same thread while the outer one is blocked.
        var refused = Assert.Throws<InvalidOperationException>(() => Run(Host.EventLoop, () => EventLoop.Run(() => Task.FromResult(1))));
        Assert.Contains("cannot be called from a running event loop", refused.Message);

        var caller = Environment.CurrentManagedThreadId;
        var inner = AsyncContext.Run(() => AsyncContext.Run(async () =>
        {
            await Task.Delay(10);
            return Environment.CurrentManagedThreadId;
        }));
        Assert.Equal(caller, inner);
    }

    [Fact]
    public void Difference_only_EventLoop_says_which_loop_runs()
    {
        // EventLoop exposes its state for traced lessons; AsyncContext.Current is the library's own handle.
        Run(Host.AsyncContext, () =>
        {
            Assert.False(EventLoop.IsRunning);
            Assert.NotNull(AsyncContext.Current);
        });
        Run(Host.EventLoop, () =>
        {
            Assert.True(EventLoop.IsRunning);
            Assert.Null(AsyncContext.Current);
        });
    }
}
