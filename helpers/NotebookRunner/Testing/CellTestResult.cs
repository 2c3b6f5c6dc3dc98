using NotebookRunner.Execution;

namespace NotebookRunner.Testing;

/// <summary>The verdict on one code cell, with everything needed to explain a failure.</summary>
/// <param name="Path">The notebook file.</param>
/// <param name="CellNumber">1-based position of the cell in the notebook (markdown cells count), as VS Code shows it.</param>
/// <param name="FirstLine">The first line of the cell's source.</param>
/// <param name="Outcome">Passed, failed, skipped or not run.</param>
/// <param name="Failure">Why the cell failed to run as expected, or null.</param>
/// <param name="FailureLine">The 1-based line inside the cell the failure points at.</param>
/// <param name="Diff">The unified diff of stored (sanitized) and actual outputs, or null when they match or are not compared.</param>
/// <param name="DiffLine">The 1-based line of the output where the first difference is.</param>
/// <param name="SanitizersFired">The sanitizer rules that changed the stored or actual output.</param>
/// <param name="Run">The executor's result for the cell.</param>
public sealed record CellTestResult(
    string Path,
    int CellNumber,
    string FirstLine,
    CellOutcome Outcome,
    string? Failure,
    int FailureLine,
    string? Diff,
    int DiffLine,
    IReadOnlyCollection<string> SanitizersFired,
    CellRunResult Run)
{
    /// <summary>The report for a failed cell: <c>path(cell N, line L): ...</c> lines, then the diff, if any.</summary>
    public string Describe()
    {
        var lines = new List<string>();
        if (Failure is not null)
        {
            lines.Add($"{Path}(cell {CellNumber}, line {FailureLine}): {Failure}");
        }

        if (Diff is not null)
        {
            var rules = SanitizersFired.Count > 0 ? $" (after sanitizers: {string.Join(", ", SanitizersFired)})" : "";
            lines.Add($"{Path}(cell {CellNumber}, line {DiffLine}): output differs from the stored output{rules}");
            lines.AddRange(Diff.TrimEnd('\n').Split('\n').Select(l => "    " + l));
        }

        return string.Join('\n', lines);
    }
}
