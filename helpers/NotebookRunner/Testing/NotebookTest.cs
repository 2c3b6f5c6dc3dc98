using NotebookRunner.Execution;

namespace NotebookRunner.Testing;

/// <summary>Runs a notebook from a test project and returns per-cell verdicts to assert on.</summary>
/// <example>
/// <code>
/// var result = await NotebookTest.RunAsync("notebooks/01-intro.ipynb");
/// result.AssertMatchesStoredOutputs();
/// </code>
/// </example>
public static class NotebookTest
{
    /// <summary>Reads, validates, executes and judges a notebook.</summary>
    /// <exception cref="Documents.NotebookFormatException">The notebook or one of its directives is invalid.</exception>
    public static Task<NotebookTestResult> RunAsync(string path, NotebookTestOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new NotebookTestOptions();
        return NotebookSession.RunAsync(NotebookPlan.Load(path), options.Mode, options.Execution, options.WriteExecutedNotebookTo,
                                        options.Executor ?? Executors.Default, progress: null, cancellationToken);
    }
}
