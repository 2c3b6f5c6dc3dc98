using System.Diagnostics;
using System.Runtime.ExceptionServices;

namespace AsyncLab;

/// <summary>
/// One event loop run: a FIFO queue of tasks executed on one thread, a count of outstanding operations
/// (main plus <c>async void</c> methods) and the bookkeeping for slow callbacks and pending work.
/// </summary>
internal sealed class LoopCore
{
    /// <summary>After main returns, at most this many further callbacks run before the loop closes (a task that keeps yielding must not hang the run).</summary>
    private const int MaxCallbacksAfterMain = 1000;

    private readonly object _gate = new();
    private readonly Queue<QueuedCallback> _queue = new();
    private readonly List<(string Name, Task Task)> _tracked = [];
    private readonly List<SlowCallback> _slow = [];
    private readonly List<string> _late = [];
    private readonly LoopOptions _options;
    private readonly TextWriter _log;
    private int _operations = 1; // main
    private int _callbacks;
    private bool _mainDone;
    private bool _closed;
    private bool _stopped;
    private ExceptionDispatchInfo? _fault;

    internal LoopCore(LoopOptions options)
    {
        _options = options;
        _log = options.Log ?? Console.Out;
        ThreadId = Environment.CurrentManagedThreadId;
        Context = new LoopSynchronizationContext(this);
        Scheduler = new LoopTaskScheduler(this);
        Factory = new TaskFactory(CancellationToken.None, TaskCreationOptions.DenyChildAttach, TaskContinuationOptions.None, Scheduler);
    }

    internal int ThreadId { get; }
    internal LoopSynchronizationContext Context { get; }
    internal LoopTaskScheduler Scheduler { get; }
    internal TaskFactory Factory { get; }
    internal bool IsLoopThread => Environment.CurrentManagedThreadId == ThreadId;

    internal void Post(SendOrPostCallback callback, object? state)
    {
        // A task on the loop's scheduler, so TaskScheduler.Current is the loop inside every callback (as in AsyncContext).
        new Task(PostedCallback.Invoke, new PostedCallback(callback, state)).Start(Scheduler);
    }

    /// <summary>Queues a task; a posted callback's exception stops the loop, a scheduled task's stays in the task.</summary>
    internal void Enqueue(Task task)
    {
        var propagateExceptions = task.AsyncState is PostedCallback;
        // Traced: who posted it and when, for the queued segment and the wake-up arrow.
        var queued = _options.Trace is null
            ? new QueuedCallback(task, propagateExceptions, 0, null, 0)
            : new QueuedCallback(task, propagateExceptions, Stopwatch.GetTimestamp(), LaneSlices.Current, Environment.CurrentManagedThreadId);
        lock (_gate)
        {
            if (!_closed)
            {
                _queue.Enqueue(queued);
                Monitor.Pulse(_gate);
                return;
            }
        }
        RunAfterClose(task);
    }

    internal void OperationStarted() => Interlocked.Increment(ref _operations);

    internal void OperationCompleted()
    {
        if (Interlocked.Decrement(ref _operations) == 0)
        {
            lock (_gate)
                Monitor.Pulse(_gate);
        }
    }

    internal IEnumerable<Task> QueuedTasks()
    {
        lock (_gate)
            return _queue.Select(q => q.Task).ToList();
    }

    /// <summary>Remembers a named task started on this loop so that it is reported if main returns before it finishes.</summary>
    internal void Track(string name, Task task)
    {
        lock (_tracked)
            _tracked.Add((name, task));
    }

    /// <summary>Main's task completed: a fault stops the loop at once (no waiting for leftovers), success lets it drain.</summary>
    internal void MainCompleted(Task main)
    {
        if (main.IsFaulted || main.IsCanceled)
            Fail(null);
        lock (_gate)
            _mainDone = true;
        OperationCompleted();
    }

    /// <summary>Runs callbacks until main and every <c>async void</c> operation finished, or something failed.</summary>
    internal void Execute()
    {
        var afterMain = 0;
        while (true)
        {
            QueuedCallback item;
            lock (_gate)
            {
                while (_queue.Count == 0 && !_stopped && !(_mainDone && Volatile.Read(ref _operations) == 0))
                    Monitor.Wait(_gate);
                if (_stopped || _queue.Count == 0 || afterMain >= MaxCallbacksAfterMain)
                    break;
                item = _queue.Dequeue();
                if (_mainDone && Volatile.Read(ref _operations) == 0)
                {
                    afterMain++;
                    _late.Add(NameOf(item.Task) + " (callback ran after main returned)");
                }
            }
            RunOne(item);
        }
    }

    /// <summary>Closes the loop: callbacks still queued or arriving later run on the thread pool so nothing hangs; returns the report.</summary>
    internal LoopReport Close()
    {
        List<Task> leftovers;
        lock (_gate)
        {
            _closed = true;
            leftovers = _queue.Select(q => q.Task).ToList();
            _queue.Clear();
        }
        var pending = new List<string>();
        lock (_tracked)
            pending.AddRange(_tracked.Where(t => !t.Task.IsCompleted).Select(t => $"task '{t.Name}' has not finished"));
        pending.AddRange(_late.Distinct());
        pending.AddRange(leftovers.Select(t => NameOf(t) + " (callback moved to the thread pool at exit)"));
        foreach (var task in leftovers)
            RunAfterClose(task, report: false);
        return new LoopReport(_callbacks, _slow.ToList(), pending);
    }

    /// <summary>Rethrows the first exception a callback threw (e.g. from an <c>async void</c> method), unwrapped.</summary>
    internal void ThrowIfCallbackFailed() => _fault?.Throw();

    /// <summary>True when a callback threw; its exception wins over a pending-work report.</summary>
    internal bool CallbackFailed => _fault is not null;

    /// <summary>
    /// Reports pending work as the options ask. When main failed, its exception is what the caller must see: the
    /// pending work is then only logged, never thrown in its place.
    /// </summary>
    internal void ApplyPendingPolicy(LoopReport report, bool mainFailed)
    {
        if (report.Pending.Count == 0)
            return;
        if (_options.Pending == PendingWorkPolicy.Throw && !mainFailed)
            throw new PendingWorkException(report.Pending);
        _log.WriteLine("⚠ " + PendingWork.Describe(report.Pending));
    }

    private void RunOne(QueuedCallback item)
    {
        var (task, propagate) = (item.Task, item.Propagate);
        var trace = _options.Trace;
        var threshold = _options.SlowCallbackThreshold;
        var timed = trace is not null || threshold is not null;
        var start = timed ? Stopwatch.GetTimestamp() : 0;
        if (timed)
            LaneSlices.ResetEntered();
        Scheduler.Execute(task);
        _callbacks++;
        if (propagate && task.IsFaulted)
            Fail(task.Exception!.InnerException);
        if (!timed)
            return;
        var end = Stopwatch.GetTimestamp();
        var lane = LaneSlices.LastEntered;
        if (trace is not null)
        {
            var laneName = ReferenceEquals(lane?.Trace, trace) ? lane!.Name : NameOf(task);
            if (!ReferenceEquals(lane?.Trace, trace))
                trace.AddSegment(laneName, "callback", SegmentState.Running, start, end, ThreadId);
            RecordQueueing(trace, item, laneName, start);
        }
        var duration = Stopwatch.GetElapsedTime(start, end);
        if (threshold is { } limit && duration > limit)
        {
            var slow = new SlowCallback(lane?.Name ?? NameOf(task), duration);
            _slow.Add(slow);
            _log.WriteLine("⚠ EventLoop: " + slow + $" (threshold {limit.TotalMilliseconds:0} ms)");
        }
    }

    /// <summary>
    /// The time the callback sat in the queue, ready but without the thread, and who posted it: another lane's code, or
    /// a thread outside the loop (a timer, a socket). Posts the loop makes to itself with no lane (yields, main's own
    /// continuations) are bookkeeping, not causes.
    /// </summary>
    private void RecordQueueing(Trace trace, QueuedCallback item, string lane, long start)
    {
        if (start - item.Posted >= MinimumQueuedTicks)
            trace.AddSegment(lane, "queued", SegmentState.Queued, item.Posted, start, 0);
        var from = ReferenceEquals(item.From?.Trace, trace) ? item.From!.Name : null;
        if (from is not null ? from != lane : item.PostedBy != ThreadId)
            trace.AddWake(lane, from is null ? WakeUpResolver.CompletedOnThread : WakeUpResolver.ByLane, item.Posted, item.PostedBy);
    }

    /// <summary>Queue waits shorter than 0.1 ms are the loop's own overhead, too short to draw.</summary>
    private static readonly long MinimumQueuedTicks = Stopwatch.Frequency / 10_000;

    /// <summary>Stops the loop; a callback's exception is kept to be rethrown (main's own is rethrown by its task).</summary>
    private void Fail(Exception? error)
    {
        lock (_gate)
        {
            if (error is not null)
                _fault ??= ExceptionDispatchInfo.Capture(error);
            _stopped = true;
            Monitor.Pulse(_gate);
        }
    }

    private void RunAfterClose(Task task, bool report = true)
    {
        if (report)
            _log.WriteLine($"⚠ EventLoop: {NameOf(task)} arrived after the loop closed; it runs on the thread pool.");
        ThreadPool.QueueUserWorkItem(static s => s.Scheduler.Execute(s.Task), (Scheduler, Task: task), preferLocal: false);
    }

    private static string NameOf(Task task) =>
        task.AsyncState is PostedCallback posted ? CallbackNames.Of(posted.Callback, posted.State) : $"task #{task.Id}";

    private readonly record struct QueuedCallback(Task Task, bool Propagate, long Posted, LaneContext? From, int PostedBy);

    private sealed record PostedCallback(SendOrPostCallback Callback, object? State)
    {
        internal static readonly Action<object?> Invoke = static s => ((PostedCallback)s!).Run();
        private void Run() => Callback(State);
    }
}
