namespace AsyncLab;

/// <summary>The loop's <see cref="TaskScheduler"/>: tasks started with <c>Task.Factory.StartNew</c> or <c>ContinueWith</c> inside the loop run on it, one at a time.</summary>
internal sealed class LoopTaskScheduler(LoopCore loop) : TaskScheduler
{
    public override int MaximumConcurrencyLevel => 1;

    protected override void QueueTask(Task task) => loop.Enqueue(task);

    // Inline only on the loop thread, otherwise the task would run outside the loop.
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
        loop.IsLoopThread && TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks() => loop.QueuedTasks();

    internal void Execute(Task task) => TryExecuteTask(task);
}
