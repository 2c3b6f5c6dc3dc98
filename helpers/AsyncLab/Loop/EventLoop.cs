namespace AsyncLab;

/// <summary>
/// The C# stand-in for <c>asyncio.run</c> (and Nito.AsyncEx's <c>AsyncContext</c>): runs a delegate on the calling
/// thread with a single-threaded <see cref="SynchronizationContext"/> and <see cref="TaskScheduler"/>, so every
/// continuation of the code it starts resumes on that one thread (unless it uses <c>ConfigureAwait(false)</c>).
/// </summary>
public static class EventLoop
{
    [ThreadStatic] private static LoopCore? t_loop;

    /// <summary>True on a thread that is inside <c>EventLoop.Run</c>.</summary>
    public static bool IsRunning => t_loop is not null;

    /// <summary>The managed thread id of the loop running on this thread, or null.</summary>
    public static int? ThreadId => t_loop?.ThreadId;

    /// <summary>The task scheduler of the loop running on this thread, or null: pass it to <c>ContinueWith</c> or <c>StartNew</c> to run work on the loop.</summary>
    public static TaskScheduler? Scheduler => CurrentLoop?.Scheduler;

    /// <summary>Runs <paramref name="main"/> on the loop until it and every <c>async void</c> operation finished.</summary>
    public static void Run(Action main, LoopOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(main);
        RunCore(loop => loop.Factory.StartNew(main), options);
    }

    /// <summary>Runs <paramref name="main"/> on the loop and returns its result.</summary>
    public static T Run<T>(Func<T> main, LoopOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(main);
        return ((Task<T>)RunCore(loop => loop.Factory.StartNew(main), options).Main).GetAwaiter().GetResult();
    }

    /// <summary>Runs the asynchronous <paramref name="main"/> on the loop until it and every <c>async void</c> operation finished; exceptions surface unwrapped.</summary>
    public static void Run(Func<Task> main, LoopOptions? options = null) => RunWithReport(main, options);

    /// <summary>Runs the asynchronous <paramref name="main"/> on the loop and returns its result.</summary>
    public static T Run<T>(Func<Task<T>> main, LoopOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(main);
        return ((Task<T>)RunCore(loop => loop.Factory.StartNew(main).Unwrap(), options).Main).GetAwaiter().GetResult();
    }

    /// <summary>Like <see cref="Run(Func{Task}, LoopOptions?)"/>, and returns what the loop did: callbacks, slow callbacks, pending work.</summary>
    public static LoopReport RunWithReport(Func<Task> main, LoopOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(main);
        return RunCore(loop => loop.Factory.StartNew(main).Unwrap(), options).Report;
    }

    /// <summary>
    /// Starts <paramref name="body"/> as a named task of the running loop (asyncio's <c>create_task(coro, name=...)</c>);
    /// if main returns before it finishes, the loop reports it as pending.
    /// </summary>
    /// <exception cref="InvalidOperationException">No loop is running on this thread.</exception>
    public static Task CreateTask(string name, Func<Task> body)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(body);
        var loop = CurrentLoop ?? throw new InvalidOperationException(
            "EventLoop.CreateTask needs a running event loop: call it inside EventLoop.Run (like asyncio's \"no running event loop\").");
        var task = body();
        loop.Track(name, task);
        return task;
    }

    /// <summary>Tracks a named task if it was started on a running loop (used by <see cref="Trace.Run(string, Func{Task})"/>).</summary>
    internal static void TrackPending(string name, Task task) => CurrentLoop?.Track(name, task);

    private static LoopCore? CurrentLoop => (SynchronizationContext.Current as LoopSynchronizationContext)?.Loop ?? t_loop;

    private static (Task Main, LoopReport Report) RunCore(Func<LoopCore, Task> start, LoopOptions? options)
    {
        if (t_loop is not null)
        {
            throw new InvalidOperationException(
                "EventLoop.Run() cannot be called from a running event loop: this thread already runs one. Await the work instead.");
        }
        var loop = new LoopCore(options ?? new LoopOptions());
        var previous = SynchronizationContext.Current;
        t_loop = loop;
        SynchronizationContext.SetSynchronizationContext(loop.Context);
        Task main;
        LoopReport report;
        try
        {
            main = start(loop);
            main.ContinueWith(static (t, s) => ((LoopCore)s!).MainCompleted(t), loop,
                CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            loop.Execute();
        }
        finally
        {
            report = loop.Close();
            SynchronizationContext.SetSynchronizationContext(previous);
            t_loop = null;
        }
        loop.ApplyPendingPolicy(report, mainFailed: loop.CallbackFailed || main.IsFaulted || main.IsCanceled);
        loop.ThrowIfCallbackFailed();
        if (main.IsCompleted)
            main.GetAwaiter().GetResult();
        return (main, report);
    }
}
