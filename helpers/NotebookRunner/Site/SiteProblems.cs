namespace NotebookRunner.Site;

/// <summary>
/// What the build could not show as stored (an unreadable cell or output, an unknown output type, an output too large to
/// include), each shown in place on its page and listed here so the command can name it.
/// </summary>
internal sealed class SiteProblems
{
    private readonly List<string> _lines = [];

    /// <summary>Every problem, as <c>path(cell N): what</c>, in the order found.</summary>
    public IReadOnlyList<string> Lines => _lines;

    /// <summary>Records a problem of a cell (numbered from 1, as VS Code shows them).</summary>
    public void Add(string notebookPath, int cellNumber, string problem)
    {
        lock (_lines)
        {
            _lines.Add($"{notebookPath}(cell {cellNumber}): {problem}");
        }
    }
}
