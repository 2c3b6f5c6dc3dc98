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

    /// <summary>
    /// Applies every mutation the notebook declares (see <see cref="Mutation"/>), one run each, from the start to the first
    /// failing cell. Outputs are not compared and nothing is written.
    /// </summary>
    /// <exception cref="Documents.NotebookFormatException">The notebook or one of its directives is invalid.</exception>
    public static async Task<IReadOnlyList<MutationResult>> RunMutationsAsync(string path, NotebookTestOptions? options = null,
                                                                              CancellationToken cancellationToken = default)
    {
        var plan = NotebookPlan.Load(path);
        var results = new List<MutationResult>();
        foreach (var mutation in plan.Mutations)
        {
            results.Add(await RunMutationAsync(plan, mutation, options, cancellationToken).ConfigureAwait(false));
        }

        return results;
    }

    /// <summary>Applies mutation <paramref name="mutationNumber"/> of cell <paramref name="cellNumber"/> (both 1-based), e.g. one theory row per mutation.</summary>
    /// <exception cref="ArgumentException">The cell declares no such mutation.</exception>
    public static Task<MutationResult> RunMutationAsync(string path, int cellNumber, int mutationNumber, NotebookTestOptions? options = null,
                                                        CancellationToken cancellationToken = default)
    {
        var plan = NotebookPlan.Load(path);
        var mutation = plan.Mutations.FirstOrDefault(m => m.CellNumber == cellNumber && m.Number == mutationNumber)
                       ?? throw new ArgumentException($"{path}: cell {cellNumber} declares no mutation {mutationNumber}", nameof(mutationNumber));
        return RunMutationAsync(plan, mutation, options, cancellationToken);
    }

    private static Task<MutationResult> RunMutationAsync(NotebookPlan plan, Mutation mutation, NotebookTestOptions? options, CancellationToken ct)
    {
        options ??= new NotebookTestOptions();
        return MutationRun.RunAsync(plan, mutation, options.Execution, options.Executor ?? Executors.Default, ct);
    }
}
