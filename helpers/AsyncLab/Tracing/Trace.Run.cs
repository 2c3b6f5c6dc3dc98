using System.Diagnostics;

namespace AsyncLab;

public sealed partial class Trace
{
    /// <summary>
    /// Starts a named logical task (hot, like calling an async method). Every slice in which its code runs is recorded
    /// automatically, on the event loop or on the thread pool; gaps inside its lifetime become waiting segments.
    /// Under <see cref="EventLoop"/> the task counts as pending work until it finishes.
    /// </summary>
    public Task Run(string lane, Func<Task> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Run(lane, async () =>
        {
            await body().ConfigureAwait(true);
            return true;
        });
    }

    /// <summary>Starts a named logical task that returns a value; see <see cref="Run(string, Func{Task})"/>.</summary>
    public Task<T> Run<T>(string lane, Func<Task<T>> body)
    {
        ArgumentNullException.ThrowIfNull(lane);
        ArgumentNullException.ThrowIfNull(body);
        var run = new LaneRun(new LaneContext(this, lane), Stopwatch.GetTimestamp());
        _running.TryAdd(run, 0);
        var task = RunInLane(run, body);
        EventLoop.TrackPending(lane, task);
        return task;
    }

    private async Task<T> RunInLane<T>(LaneRun run, Func<Task<T>> body)
    {
        // Set inside this async method: the builder restores the caller's context when it returns, so only the
        // body's code (and everything it starts) belongs to the lane.
        LaneSlices.Enter(run.Context);
        try
        {
            return await body().ConfigureAwait(true);
        }
        finally
        {
            _running.TryRemove(run, out _);
            _buffer.Add(new TraceEvent
            {
                Kind = TraceEventKind.Lifetime, Lane = run.Context.Name, Label = "lifetime", Start = run.Start,
                End = Stopwatch.GetTimestamp(), ThreadId = Environment.CurrentManagedThreadId,
            });
        }
    }

    private sealed record LaneRun(LaneContext Context, long Start);
}
