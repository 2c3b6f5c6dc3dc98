using System.Diagnostics;
using AsyncLab;

namespace AsyncLab.Tests;

public class TaskGroupTests
{
    private static async Task FailAfter(TimeSpan delay, CancellationToken ct)
    {
        await Task.Delay(delay, ct);
        throw new InvalidOperationException("boom");
    }

    [Fact]
    public async Task First_failure_cancels_the_siblings_and_surfaces_unwrapped_after_they_ended()
    {
        var siblingEnded = false;
        Task? sibling = null;
        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => TaskGroup.RunAsync(group =>
        {
            group.Start(ct => FailAfter(TimeSpan.FromMilliseconds(50), ct));
            sibling = group.Start(async ct =>
            {
                try { await Task.Delay(TimeSpan.FromSeconds(30), ct); }
                finally { siblingEnded = true; }
            });
            return Task.CompletedTask;
        }));
        Assert.Equal("boom", error.Message);
        Assert.True(siblingEnded, "the group returned before its cancelled child had ended");
        Assert.True(sibling!.IsCanceled);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}: the sibling was not cancelled");
    }

    [Fact]
    public async Task Without_failures_the_group_ends_with_its_longest_child_and_results_are_kept()
    {
        Task<int>? slow = null;
        var clock = Stopwatch.StartNew();
        await TaskGroup.RunAsync(group =>
        {
            group.Start(async ct => { await Task.Delay(20, ct); return 1; });
            slow = group.Start(async ct => { await Task.Delay(200, ct); return 2; });
            return Task.CompletedTask;
        });
        Assert.True(slow!.IsCompletedSuccessfully);
        Assert.Equal(2, await slow);
        Assert.True(clock.ElapsedMilliseconds >= 190, $"ended after {clock.ElapsedMilliseconds} ms, before its longest child");
    }

    [Fact]
    public async Task Children_started_by_children_are_awaited_and_a_closed_group_refuses_new_ones()
    {
        TaskGroup? kept = null;
        var grandchildDone = false;
        await TaskGroup.RunAsync(group =>
        {
            kept = group;
            group.Start(async ct =>
            {
                await Task.Delay(20, ct);
                _ = group.Start(async ct2 => { await Task.Delay(100, ct2); grandchildDone = true; });
            });
            return Task.CompletedTask;
        });
        Assert.True(grandchildDone, "the group ended before a child's child");
        kept!.Cancel();   // after the end: nothing to cancel, and no ObjectDisposedException
        var error = Assert.Throws<InvalidOperationException>(StartLate);
        void StartLate() => kept!.Start(_ => Task.CompletedTask);
        Assert.Contains("has ended", error.Message);
    }

    [Fact]
    public async Task The_callers_token_cancels_the_group_and_Cancel_ends_it_quietly()
    {
        using var outer = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        Task? child = null;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => TaskGroup.RunAsync(group =>
        {
            child = group.Start(ct => Task.Delay(TimeSpan.FromSeconds(30), ct));
            return Task.CompletedTask;
        }, outer.Token));
        Assert.True(child!.IsCanceled);

        await TaskGroup.RunAsync(async group =>
        {
            child = group.Start(ct => Task.Delay(TimeSpan.FromSeconds(30), ct));
            await Task.Delay(20);
            group.Cancel();
        });
        Assert.True(child.IsCanceled);
    }

    [Fact]
    public async Task A_failing_body_cancels_the_children_and_its_exception_surfaces()
    {
        Task? child = null;
        var error = await Assert.ThrowsAsync<ArgumentException>(() => TaskGroup.RunAsync(async group =>
        {
            child = group.Start(ct => Task.Delay(TimeSpan.FromSeconds(30), ct));
            await Task.Delay(10);
            throw new ArgumentException("body failed");
        }));
        Assert.Equal("body failed", error.Message);
        Assert.True(child!.IsCanceled);
    }

    [Fact]
    public void Under_the_event_loop_every_child_runs_on_the_loop_thread()
    {
        var threads = new List<int>();
        var loop = EventLoop.Run(async () =>
        {
            await TaskGroup.RunAsync(group =>
            {
                for (var i = 0; i < 3; i++)
                    group.Start(async ct => { await Task.Delay(10, ct); threads.Add(Environment.CurrentManagedThreadId); });
                return Task.CompletedTask;
            });
            threads.Add(Environment.CurrentManagedThreadId);
            return EventLoop.ThreadId;
        });
        Assert.Equal(4, threads.Count);
        Assert.All(threads, id => Assert.Equal(loop, id));
    }
}
