using NotebookRunner.Documents;
using NotebookRunner.Execution;

namespace NotebookRunner.Testing;

/// <summary>Executes the cells of a notebook; the shape of <c>NotebookExecutor.RunAsync</c>, replaceable in tests.</summary>
/// <param name="notebookPath">The notebook file (its folder is the default working directory).</param>
/// <param name="cells">All cells of the notebook; only code cells run.</param>
/// <param name="options">Timeouts, working directory, per-cell settings.</param>
/// <param name="progress">Receives a report as each cell starts and ends.</param>
/// <param name="cancellationToken">Stops the run (the worker is killed).</param>
public delegate Task<NotebookRunResult> NotebookExecution(
    string notebookPath,
    IReadOnlyList<NotebookCell> cells,
    ExecutionOptions options,
    IProgress<CellProgress>? progress,
    CancellationToken cancellationToken);
