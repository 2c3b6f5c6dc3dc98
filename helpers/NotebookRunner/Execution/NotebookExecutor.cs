using NotebookRunner.Documents;

namespace NotebookRunner.Execution;

/// <summary>
/// Runs the code cells of one notebook in a worker process of its own, in order, and reports each cell.
/// Nothing a notebook does (a hang, a deadlock, a crash, <c>Environment.Exit</c>, endless output) can hang the caller:
/// timeouts kill the worker's process tree, and a dead worker fails the running cell and leaves later cells not run.
/// </summary>
public static class NotebookExecutor
{
    /// <summary>Executes <paramref name="cells"/> (markdown and raw cells are passed over) and returns one result per code cell.</summary>
    /// <param name="notebookPath">The notebook file: its folder is the working directory unless the options say otherwise.</param>
    /// <param name="cells">All cells of the notebook, in order.</param>
    /// <param name="options">Timeouts, working directory, per-cell settings, environment.</param>
    /// <param name="progress">Told when each cell starts and ends; the result may still change for a cell whose tasks write after it ended.</param>
    /// <param name="ct">Cancels the run: the worker is killed and <see cref="OperationCanceledException"/> is thrown.</param>
    /// <returns>The results of the code cells, in notebook order.</returns>
    public static async Task<NotebookRunResult> RunAsync(
        string notebookPath, IReadOnlyList<NotebookCell> cells, ExecutionOptions options, IProgress<CellProgress>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(options);
        var run = new NotebookRun(notebookPath, options, progress);
        await using (run.ConfigureAwait(false))
        {
            return await run.ExecuteAsync(cells, ct).ConfigureAwait(false);
        }
    }
}
