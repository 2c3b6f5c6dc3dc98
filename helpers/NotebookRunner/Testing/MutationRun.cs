using NotebookRunner.Documents;
using NotebookRunner.Execution;

namespace NotebookRunner.Testing;

/// <summary>
/// Applies one mutation to a copy of its cell, runs the notebook from the start until the first failing cell, and judges:
/// proven when that cell is the mutated one or a later one and its failure contains <c>✘ claim</c>.
/// </summary>
internal static class MutationRun
{
    public static async Task<MutationResult> RunAsync(NotebookPlan plan, Mutation mutation, ExecutionOptions defaults, NotebookExecution executor,
                                                      CancellationToken ct)
    {
        var path = plan.Document.Path;
        var where = $"{path}(cell {mutation.CellNumber}): {mutation}";
        var cell = plan.Document.Cells[mutation.CellNumber - 1];
        var occurrences = Occurrences(cell.Source, mutation.Find);
        if (occurrences != 1)
        {
            var problem = occurrences == 0 ? "does not occur in the cell" : $"occurs {occurrences} times in the cell; make it unique";
            return new MutationResult(path, mutation, false, $"{where}: the text to find {problem}", TimeSpan.Zero);
        }

        var mutated = new NotebookCell
        {
            Index = cell.Index,
            Kind = cell.Kind,
            Source = cell.Source.Replace(mutation.Find, mutation.Replace, StringComparison.Ordinal),
            KernelName = cell.KernelName,
            Metadata = cell.Metadata,
            FileLine = cell.FileLine,
        };
        var cells = plan.Document.Cells.Select(c => c.Index == cell.Index ? mutated : c).ToList();
        var run = await executor(path, cells, plan.ToExecutionOptions(defaults) with { StopOnError = true }, null, ct).ConfigureAwait(false);

        var first = CellEvaluator.Evaluate(plan, run, compareOutputs: false).Cells.FirstOrDefault(c => c.Outcome == CellOutcome.Failed);
        var seconds = $"{run.Elapsed.TotalSeconds:0.0} s";
        if (first is null)
        {
            return new MutationResult(path, mutation, false,
                $"{where}: the run passed, so the claim '{mutation.Fails}' never failed ({seconds})", run.Elapsed);
        }

        var failure = first.Failure ?? "";
        if (first.CellNumber >= mutation.CellNumber && failure.Contains(mutation.ExpectedFailure, StringComparison.Ordinal))
        {
            return new MutationResult(path, mutation, true, $"{where}: '{mutation.ExpectedFailure}' in cell {first.CellNumber} ({seconds})", run.Elapsed);
        }

        var firstLine = failure.ReplaceLineEndings("\n").Split('\n')[0];
        return new MutationResult(path, mutation, false,
            $"{where}: expected '{mutation.ExpectedFailure}', but the first failure was cell {first.CellNumber}" +
            $"{(first.CellNumber < mutation.CellNumber ? " (before the mutated cell)" : "")}: {firstLine} ({seconds})", run.Elapsed);
    }

    private static int Occurrences(string text, string find)
    {
        var count = 0;
        for (var at = text.IndexOf(find, StringComparison.Ordinal); at >= 0; at = text.IndexOf(find, at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
