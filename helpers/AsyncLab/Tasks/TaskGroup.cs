using System.Runtime.ExceptionServices;

namespace AsyncLab;

/// <summary>
/// Structured concurrency for C#, after trio's nursery and asyncio's <c>TaskGroup</c>: children started in the group
/// cannot outlive it, the first failure cancels the siblings, and the group ends only when every child has ended.
/// </summary>
/// <remarks>
/// .NET has no such type: <c>Task.WhenAll</c> waits for every task but cancels nothing. Use it through
/// <see cref="RunAsync"/>, which owns the group's lifetime, so no child can be forgotten.
/// </remarks>
public sealed class TaskGroup
{
    private readonly CancellationTokenSource _cancel;
    private readonly List<Task> _children = [];
    private readonly object _gate = new();
    private Exception? _firstFailure;
    private bool _closed;

    private TaskGroup(CancellationToken outer) => _cancel = CancellationTokenSource.CreateLinkedTokenSource(outer);

    /// <summary>Cancelled when a child fails, the body fails, <see cref="Cancel"/> is called, or the caller's token is.</summary>
    public CancellationToken Token => _cancel.Token;

    /// <summary>Cancels every child (trio's <c>nursery.cancel_scope.cancel()</c>); the group then ends quietly. Does nothing once the group has ended.</summary>
    public void Cancel()
    {
        try
        {
            _cancel.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The group has ended and released its token source: nothing is left to cancel.
        }
    }

    /// <summary>
    /// Runs <paramref name="body"/>, which starts children with <see cref="Start"/>, then waits for every child,
    /// including children started by children. The first exception (a child's or the body's) cancels the others
    /// and is rethrown unwrapped once all have ended; a cancelled <paramref name="cancellationToken"/> ends the group
    /// with <see cref="OperationCanceledException"/>.
    /// </summary>
    public static async Task RunAsync(Func<TaskGroup, Task> body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        var group = new TaskGroup(cancellationToken);
        try
        {
            try
            {
                await body(group);
            }
            catch (Exception e)
            {
                if (group.IsOwnCancellation(e))
                    group.Cancel();
                else
                    group.Fail(e);
            }

            await group.WaitForChildrenAsync();
            if (group._firstFailure is { } failure)
                ExceptionDispatchInfo.Throw(failure);
            cancellationToken.ThrowIfCancellationRequested();
        }
        finally
        {
            group._cancel.Dispose();
        }
    }

    /// <summary>Starts a child that receives the group's <see cref="Token"/>; returns its task.</summary>
    /// <exception cref="InvalidOperationException">The group has ended: start children in its body or in its children.</exception>
    public Task Start(Func<CancellationToken, Task> child)
    {
        ArgumentNullException.ThrowIfNull(child);
        return Start<bool>(async ct =>
        {
            await child(ct);
            return true;
        });
    }

    /// <summary>Starts a child that returns a value; returns its task.</summary>
    /// <exception cref="InvalidOperationException">The group has ended: start children in its body or in its children.</exception>
    public Task<T> Start<T>(Func<CancellationToken, Task<T>> child)
    {
        ArgumentNullException.ThrowIfNull(child);
        lock (_gate)
        {
            if (_closed)
                throw new InvalidOperationException("This TaskGroup has ended: start children in its body or in its children.");
            var task = Watch(child);
            _children.Add(task);
            return task;
        }
    }

    /// <summary>A child runs at once, up to its first await, like any C# async method (asyncio's would wait for the loop).</summary>
    private async Task<T> Watch<T>(Func<CancellationToken, Task<T>> child)
    {
        try
        {
            return await child(_cancel.Token);
        }
        catch (Exception e) when (!IsOwnCancellation(e))
        {
            Fail(e);
            throw;
        }
    }

    /// <summary>Cancellation the group asked for is how a sibling stops, not a failure.</summary>
    private bool IsOwnCancellation(Exception e) => e is OperationCanceledException && _cancel.IsCancellationRequested;

    private void Fail(Exception e)
    {
        lock (_gate)
            _firstFailure ??= e;
        _cancel.Cancel();   // outside the lock: cancellation runs the children's callbacks synchronously
    }

    private async Task WaitForChildrenAsync()
    {
        while (true)
        {
            Task[] now;
            lock (_gate)
                now = [.. _children];
            await Task.WhenAll(now).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
            lock (_gate)
            {
                if (_children.Count == now.Length)
                {
                    _closed = true;
                    return;
                }
            }
        }
    }
}
