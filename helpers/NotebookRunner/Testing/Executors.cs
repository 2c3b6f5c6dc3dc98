using NotebookRunner.Execution;

namespace NotebookRunner.Testing;

/// <summary>The executor used unless a caller substitutes one.</summary>
internal static class Executors
{
    /// <summary>Runs each notebook in its own worker process.</summary>
    public static NotebookExecution Default { get; } = NotebookExecutor.RunAsync;
}
