namespace AsyncLab;

/// <summary>The loop's <see cref="SynchronizationContext"/>: await continuations and <c>async void</c> bookkeeping go to the loop's queue.</summary>
internal sealed class LoopSynchronizationContext(LoopCore loop) : SynchronizationContext
{
    internal LoopCore Loop { get; } = loop;

    public override void Post(SendOrPostCallback d, object? state)
    {
        ArgumentNullException.ThrowIfNull(d);
        Loop.Post(d, state);
    }

    public override void Send(SendOrPostCallback d, object? state)
    {
        ArgumentNullException.ThrowIfNull(d);
        if (Loop.IsLoopThread)
        {
            d(state);
            return;
        }
        using var done = new ManualResetEventSlim();
        Exception? error = null;
        Loop.Post(_ =>
        {
            try { d(state); }
            catch (Exception ex) { error = ex; }
            finally { done.Set(); }
        }, null);
        done.Wait();
        if (error is not null)
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error);
    }

    /// <summary>An <c>async void</c> method started: the loop waits for it.</summary>
    public override void OperationStarted() => Loop.OperationStarted();

    /// <summary>An <c>async void</c> method finished.</summary>
    public override void OperationCompleted() => Loop.OperationCompleted();

    public override SynchronizationContext CreateCopy() => this;

    public override bool Equals(object? obj) => obj is LoopSynchronizationContext other && other.Loop == Loop;

    public override int GetHashCode() => Loop.GetHashCode();
}
