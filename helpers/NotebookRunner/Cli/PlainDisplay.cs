using System.Globalization;
using NotebookRunner.Testing;

namespace NotebookRunner.Cli;

/// <summary>
/// One line per event, for logs and CI (output redirected): nothing is rewritten, so every line survives in the log.
/// A notebook prints at most <see cref="ReportLimits.DisplayedCells"/> cell lines; its final line counts them all.
/// </summary>
internal sealed class PlainDisplay(TextWriter output) : IRunDisplay
{
    private readonly Lock _gate = new();
    private readonly CellLineBudget _budget = new();

    public void NotebookStarted(string path, int codeCells) => Write($"{path}: started, {codeCells} code cells");

    public void CellStarted(string path, int cellNumber)
    {
    }

    public void CellFinished(CellTestResult cell)
    {
        lock (_gate)
        {
            switch (_budget.Take(cell.Path))
            {
                case CellLine.Print:
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{cell.Path}(cell {cell.CellNumber}): {cell.Outcome.ToString().ToLowerInvariant()} in {cell.Run.Elapsed.TotalSeconds:0.00} s"));
                    break;
                case CellLine.PrintBudgetSpent:
                    output.WriteLine(CellLineBudget.BudgetSpent(cell.Path));
                    break;
            }
        }
    }

    public void NotebookFinished(NotebookTestResult result)
    {
        lock (_gate)
        {
            _budget.Finished(result.Path);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{result.Path}: {(result.Succeeded ? "passed" : "FAILED")}, {result.PassedCount} passed, {result.FailedCount} failed, {result.SkippedCount} skipped in {result.Elapsed.TotalSeconds:0.0} s"));
        }
    }

    public void Complete()
    {
    }

    private void Write(string line)
    {
        lock (_gate)
        {
            output.WriteLine(line);
        }
    }
}
