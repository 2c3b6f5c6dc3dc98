namespace NotebookRunner.Execution.Engines.Roslyn;

/// <summary>
/// The one thread cells run on. A dedicated thread, so a cell blocked in a wait (a <c>.Result</c> deadlock, a
/// forgotten event) can be interrupted when its time is up, and the worker survives with its state intact.
/// A spinning cell cannot be interrupted; the parent kills the worker shortly after.
/// </summary>
internal sealed class CellThread
{
    /// <summary>How long an interrupted cell gets to unwind before the worker gives up on it.</summary>
    private static readonly TimeSpan InterruptGrace = TimeSpan.FromSeconds(1);

    private readonly System.Collections.Concurrent.BlockingCollection<Action> _work = [];
    private readonly Thread _thread;

    public CellThread()
    {
        _thread = new Thread(Loop) { IsBackground = true, Name = "notebook cell" };
        _thread.Start();
    }

    /// <summary>
    /// Runs <paramref name="cell"/> on the cell thread. After <paramref name="timeout"/> the thread is interrupted;
    /// the result is then a timeout carrying where the cell was blocked, or null when the cell did not unwind.
    /// </summary>
    public async Task<CellOutcome?> RunAsync(Func<CellOutcome> cell, TimeSpan timeout)
    {
        var done = new TaskCompletionSource<CellOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        _work.Add(() => done.SetResult(Run(cell)));
        if (await Task.WhenAny(done.Task, Task.Delay(timeout)).ConfigureAwait(false) == done.Task)
        {
            return done.Task.Result;
        }

        _thread.Interrupt();
        if (await Task.WhenAny(done.Task, Task.Delay(InterruptGrace)).ConfigureAwait(false) != done.Task)
        {
            return null;
        }

        var seconds = timeout.TotalSeconds;
        return new CellOutcome(CellOutcome.TimedOutStatus,
            $"The cell did not finish within {seconds:0.###} s and was interrupted while it waited:{Environment.NewLine}{done.Task.Result.Message}");
    }

    private static CellOutcome Run(Func<CellOutcome> cell)
    {
        try
        {
            return cell();
        }
        catch (Exception e)
        {
            // An interrupt, and anything thrown outside the script's own handler: formatting a return value whose
            // enumeration or ToString throws, an import that cannot be read. The cell fails; the worker lives on.
            return CellOutcome.Failed(e.ToString(), e.GetType().FullName);
        }
        finally
        {
            // A cell may install a SynchronizationContext on this thread; the next cell must not inherit it.
            SynchronizationContext.SetSynchronizationContext(null);
            ClearPendingInterrupt();
        }
    }

    /// <summary>An interrupt that raced with the cell's end must not hit the next cell's first wait.</summary>
    private static void ClearPendingInterrupt()
    {
        try
        {
            Thread.Sleep(0);
        }
        catch (ThreadInterruptedException)
        {
            // The pending interrupt was meant for the cell that just ended.
        }
    }

    private void Loop()
    {
        foreach (var work in _work.GetConsumingEnumerable())
        {
            work();
        }
    }
}
