using NotebookRunner.Testing;

namespace NotebookRunner.Cli;

/// <summary>
/// How many cell lines a progress display may still print for each notebook, so that a notebook of ten thousand cells
/// (or ten thousand failures) cannot bury the log; the cells past the budget are counted in the notebook's final line.
/// </summary>
internal sealed class CellLineBudget
{
    private readonly Dictionary<string, int> _printed = new(StringComparer.Ordinal);

    /// <summary>What to do with the next cell line of <paramref name="path"/>: print it, print the note that the budget is spent, or nothing.</summary>
    public CellLine Take(string path)
    {
        var printed = _printed.GetValueOrDefault(path) + 1;
        _printed[path] = printed;
        return printed <= ReportLimits.DisplayedCells ? CellLine.Print
             : printed == ReportLimits.DisplayedCells + 1 ? CellLine.PrintBudgetSpent
             : CellLine.Drop;
    }

    /// <summary>The note printed once per notebook when its budget is spent.</summary>
    public static string BudgetSpent(string path) =>
        $"{path}: more than {ReportLimits.DisplayedCells} cell lines; the rest are counted in the notebook's final line";

    /// <summary>Forgets a finished notebook.</summary>
    public void Finished(string path) => _printed.Remove(path);
}

/// <summary>The decision of <see cref="CellLineBudget.Take"/>.</summary>
internal enum CellLine
{
    /// <summary>Print the cell's line.</summary>
    Print,
    /// <summary>Print <see cref="CellLineBudget.BudgetSpent"/> instead of the line.</summary>
    PrintBudgetSpent,
    /// <summary>Print nothing.</summary>
    Drop,
}
