using System.Globalization;
using NotebookRunner.Testing;

namespace NotebookRunner.Cli;

/// <summary>
/// Live progress on a terminal: failed cells (at most <see cref="ReportLimits.DisplayedCells"/> per notebook) and finished
/// notebooks scroll up as lines, a status line at the bottom, never wider than the terminal, shows every running
/// notebook and its current cell.
/// </summary>
internal sealed class LiveDisplay(TextWriter output, int width) : IRunDisplay
{
    private const string ClearLine = "\r\u001b[2K";
    private const string Green = "\u001b[32m", Red = "\u001b[31m", Dim = "\u001b[2m", Reset = "\u001b[0m";

    private readonly Lock _gate = new();
    private readonly CellLineBudget _budget = new();
    private readonly SortedDictionary<string, (int Cell, int Total, int Done)> _running = new(StringComparer.Ordinal);

    public void NotebookStarted(string path, int codeCells)
    {
        lock (_gate)
        {
            _running[path] = (0, codeCells, 0);
            Redraw();
        }
    }

    public void CellStarted(string path, int cellNumber) => Update(path, state => state with { Cell = cellNumber });

    public void CellFinished(CellTestResult cell)
    {
        if (cell.Outcome is CellOutcome.Failed or CellOutcome.NotRun)
        {
            lock (_gate)
            {
                var line = _budget.Take(cell.Path) switch
                {
                    CellLine.Print => $"{Red}✗{Reset} {cell.Path}(cell {cell.CellNumber}): {cell.Outcome.ToString().ToLowerInvariant()}",
                    CellLine.PrintBudgetSpent => $"{Red}✗{Reset} {CellLineBudget.BudgetSpent(cell.Path)}",
                    _ => null,
                };
                if (line is not null)
                {
                    output.Write(ClearLine);
                    output.WriteLine(line);
                }
            }
        }

        Update(cell.Path, state => state with { Done = state.Done + 1 });
    }

    private void Update(string path, Func<(int Cell, int Total, int Done), (int Cell, int Total, int Done)> change)
    {
        lock (_gate)
        {
            if (_running.TryGetValue(path, out var state))
            {
                _running[path] = change(state);
                Redraw();
            }
        }
    }

    public void NotebookFinished(NotebookTestResult result)
    {
        lock (_gate)
        {
            _running.Remove(result.Path);
            _budget.Finished(result.Path);
            var mark = result.Succeeded ? $"{Green}✓{Reset}" : $"{Red}✗{Reset}";
            output.Write(ClearLine);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{mark} {result.Path} {Dim}{result.PassedCount} passed, {result.FailedCount} failed, {result.SkippedCount} skipped, {result.Elapsed.TotalSeconds:0.0} s{Reset}"));
            Redraw();
        }
    }

    public void Complete()
    {
        lock (_gate)
        {
            output.Write(ClearLine);
            output.Flush();
        }
    }

    private void Redraw()
    {
        var status = string.Join("  ", _running.Select(r => $"{Path.GetFileName(r.Key)} cell {r.Value.Cell} ({r.Value.Done}/{r.Value.Total})"));
        // A status line wider than the terminal wraps, and "\r" would then redraw only its last row.
        var room = Math.Max(10, width - "running: ".Length - 1);
        status = status.Length > room ? status[..(room - 1)] + "…" : status;
        output.Write(ClearLine + (status.Length == 0 ? "" : $"{Dim}running:{Reset} {status}"));
        output.Flush();
    }
}
