using NotebookRunner.Documents;

namespace NotebookRunner.Execution;

/// <summary>How a code cell ended.</summary>
public enum CellStatus
{
    /// <summary>The cell ran to the end without an error.</summary>
    Passed,
    /// <summary>The cell produced an error: compile error, exception, magic or package error.</summary>
    Failed,
    /// <summary>The cell was not run because a directive skipped it.</summary>
    Skipped,
    /// <summary>The cell ran past its timeout (or the notebook's) and the worker was killed.</summary>
    TimedOut,
    /// <summary>The worker process died while the cell ran (unhandled thread exception, <c>Environment.Exit</c>, stack overflow).</summary>
    Crashed,
    /// <summary>The cell never started: an earlier cell timed out or crashed the worker, or <c>StopOnError</c> stopped the run.</summary>
    NotRun,
}

/// <summary>The engine that runs a notebook's cells, one process per notebook either way.</summary>
public enum KernelEngine
{
    /// <summary>The runner's own engine: Roslyn scripting with the kernel's semantics, fast to start.</summary>
    Roslyn,
    /// <summary>The real .NET Interactive kernel, <c>dotnet-interactive stdio</c>: the tool VS Code Polyglot launches.</summary>
    DotnetInteractive,
}

/// <summary>Per-cell settings the parent applies when it runs a cell.</summary>
/// <param name="Timeout">How long the cell may run before the worker is killed; null for the run's default.</param>
/// <param name="SkipReason">When not null, the cell is not run and is reported as skipped with this reason.</param>
/// <param name="ThrowsByDesign">The cell is expected to throw (<c>expect_exception</c>), so its failure does not stop a run that stops on errors.</param>
public sealed record CellSettings(TimeSpan? Timeout = null, string? SkipReason = null, bool ThrowsByDesign = false)
{
    /// <summary>No overrides.</summary>
    public static CellSettings Default { get; } = new();
}

/// <summary>Options for one notebook run.</summary>
public sealed record ExecutionOptions
{
    /// <summary>The working directory of the worker; null for the notebook's folder (VS Code's behaviour).</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>How long one cell may run unless its settings say otherwise.</summary>
    public TimeSpan DefaultCellTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How long the whole notebook may run.</summary>
    public TimeSpan NotebookTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Settings for a cell (timeout, skip); by default none.</summary>
    public Func<NotebookCell, CellSettings> CellSettings { get; init; } = static _ => Execution.CellSettings.Default;

    /// <summary>Stop at the first failing cell instead of running every cell, as VS Code's "Run All" does.</summary>
    public bool StopOnError { get; init; }

    /// <summary>The engine that runs the cells: the runner's own (the default) or the real .NET Interactive kernel.</summary>
    public KernelEngine Kernel { get; init; } = KernelEngine.Roslyn;

    /// <summary>Extra environment variables for the worker process.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
}

/// <summary>The outcome of one code cell.</summary>
/// <param name="CellIndex">Zero-based index of the cell in the notebook.</param>
/// <param name="Status">How the cell ended.</param>
/// <param name="Outputs">The outputs, as VS Code would write them.</param>
/// <param name="ExecutionCount">The execution counter given to the cell, or null if it did not run.</param>
/// <param name="Elapsed">Wall time of the cell.</param>
/// <param name="ExceptionType">Full name of the exception type when the cell threw, else null.</param>
/// <param name="FailureMessage">A one-paragraph explanation for failed, timed-out, crashed or skipped cells.</param>
public sealed record CellRunResult(
    int CellIndex,
    CellStatus Status,
    IReadOnlyList<CellOutput> Outputs,
    int? ExecutionCount,
    TimeSpan Elapsed,
    string? ExceptionType,
    string? FailureMessage);

/// <summary>The outcome of a notebook run: one result per code cell, in order.</summary>
/// <param name="Path">The notebook file.</param>
/// <param name="Cells">Results of the code cells.</param>
/// <param name="Elapsed">Wall time of the whole run.</param>
public sealed record NotebookRunResult(string Path, IReadOnlyList<CellRunResult> Cells, TimeSpan Elapsed);

/// <summary>Progress of a run, reported as cells start and finish.</summary>
/// <param name="Path">The notebook file.</param>
/// <param name="CellIndex">Zero-based index of the cell.</param>
/// <param name="Started">True when the cell starts, false when it finishes.</param>
/// <param name="Result">The result when the cell finished.</param>
public sealed record CellProgress(string Path, int CellIndex, bool Started, CellRunResult? Result);
