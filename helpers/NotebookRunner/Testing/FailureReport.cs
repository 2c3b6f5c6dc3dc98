namespace NotebookRunner.Testing;

/// <summary>The report on many failing cells, for the console and for assertion messages: bounded however many cells failed.</summary>
internal static class FailureReport
{
    /// <summary>
    /// The first <see cref="ReportLimits.DetailedCells"/> cells described in full, the next <see cref="ReportLimits.ListedCells"/>
    /// by their first line, the rest counted.
    /// </summary>
    public static IEnumerable<string> Lines(IReadOnlyList<CellTestResult> failures)
    {
        foreach (var cell in failures.Take(ReportLimits.DetailedCells))
        {
            yield return cell.Describe();
        }

        foreach (var cell in failures.Skip(ReportLimits.DetailedCells).Take(ReportLimits.ListedCells))
        {
            yield return cell.Headline();
        }

        var counted = failures.Count - ReportLimits.DetailedCells - ReportLimits.ListedCells;
        if (counted > 0)
        {
            yield return $"… and {ReportLimits.Count(counted)} more failing cells (each is a test case of the --junit report)";
        }
    }
}
