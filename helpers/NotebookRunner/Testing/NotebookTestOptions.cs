using NotebookRunner.Execution;

namespace NotebookRunner.Testing;

/// <summary>Options for <see cref="NotebookTest.RunAsync"/>.</summary>
public sealed record NotebookTestOptions
{
    /// <summary>Check (compare outputs, the default) or run only.</summary>
    public NotebookTestMode Mode { get; init; } = NotebookTestMode.Check;

    /// <summary>Working directory, default timeouts and environment; notebook and cell directives override the timeouts.</summary>
    public ExecutionOptions Execution { get; init; } = new();

    /// <summary>When set, the executed notebook is written there (atomically); the source notebook is never changed.</summary>
    public string? WriteExecutedNotebookTo { get; init; }

    /// <summary>The executor; the worker-process executor unless a test substitutes one.</summary>
    internal NotebookExecution? Executor { get; init; }
}
