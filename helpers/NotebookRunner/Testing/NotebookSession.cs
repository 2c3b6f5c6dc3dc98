using NotebookRunner.Documents;
using NotebookRunner.Execution;

namespace NotebookRunner.Testing;

/// <summary>One notebook, start to end: execute with the plan's options, record the results, judge them, write the outputs.</summary>
internal static class NotebookSession
{
    public static async Task<NotebookTestResult> RunAsync(NotebookPlan plan, NotebookTestMode mode, ExecutionOptions defaults, string? writeTo,
                                                          NotebookExecution executor, IProgress<CellProgress>? progress, CancellationToken ct)
    {
        var document = plan.Document;
        var run = await executor(document.Path, document.Cells, plan.ToExecutionOptions(defaults), progress, ct).ConfigureAwait(false);

        // Judge against the stored outputs before the new ones replace them in the document.
        var verdicts = CellEvaluator.Evaluate(plan, run, compareOutputs: mode == NotebookTestMode.Check);
        if (writeTo is not null)
        {
            foreach (var cell in run.Cells)
            {
                document.RecordResult(cell);
            }

            NotebookWriter.Write(document, writeTo);
            return verdicts with { Cells = [.. verdicts.Cells.Select(c => c with { ExecutedNotebook = writeTo })] };
        }

        return verdicts;
    }
}
