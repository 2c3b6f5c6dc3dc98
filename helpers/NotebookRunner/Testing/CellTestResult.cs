using System.Globalization;
using NotebookRunner.Documents;
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
    /// <summary>True in check mode: a difference fails the cell, and its report shows the diff rather than the output's tail.</summary>
    public bool ComparedWithStoredOutputs { get; init; }

    /// <summary>The executed notebook that holds this cell's full outputs (the notebook itself or its <c>--output-dir</c> copy), or null when none was written.</summary>
    public string? ExecutedNotebook { get; init; }

    /// <summary>
    /// The report for a failed cell, a few kilobytes at most whatever the cell printed: <c>path(cell N, line L): ...</c>,
    /// then the diff against the stored outputs (check mode) or the last lines of the output (run mode).
    /// </summary>
    public string Describe()
    {
        var lines = new List<string>();
        var showDiff = Diff is not null && (ComparedWithStoredOutputs || Failure is null);
        if (Failure is not null)
        {
            // Stack frames name compiler-generated types; the line the failure points at is in the header already.
            var withoutFrames = Failure.ReplaceLineEndings("\n").Split('\n')
                .Where(l => !l.TrimStart().StartsWith("at ", StringComparison.Ordinal) && !l.Contains("--- End of stack trace", StringComparison.Ordinal)).ToList();
            var (message, leftOut) = ReportLimits.Head(withoutFrames, ReportLimits.FailureLines,
                                                     ReportLimits.FailureChars, ReportLimits.FailureLineChars);
            lines.Add($"{Path}(cell {CellNumber}, line {FailureLine}): {message[0]}");
            lines.AddRange(message.Skip(1).Select(l => "    " + l));
            if (leftOut > 0)
            {
                lines.Add($"    … {ReportLimits.Count(leftOut)} more lines of the message left out");
            }

            lines.Add(string.Create(CultureInfo.InvariantCulture, $"    source: {ReportLimits.Clip(FirstLine)} (ran {Run.Elapsed.TotalSeconds:0.00} s)"));
            if (!showDiff)
            {
                AddOutputTail(lines);
            }
        }

        if (showDiff)
        {
            var rules = SanitizersFired.Count > 0 ? $" (after sanitizers: {string.Join(", ", SanitizersFired)})" : "";
            lines.Add($"{Path}(cell {CellNumber}, line {DiffLine}): output differs from the stored output{rules}");
            var all = Diff!.TrimEnd('\n').Split('\n');
            var (diff, leftOut) = ReportLimits.Head(all, ReportLimits.DiffLines, ReportLimits.DiffChars);
            lines.AddRange(diff.Select(l => "    " + l));
            var cut = leftOut > 0
                ? $"… {ReportLimits.Count(leftOut)} more diff lines left out (a cell's diff is cut at {ReportLimits.DiffLines} lines or {ReportLimits.DiffChars / 1024} KB)"
                : all.Any(l => l.Length > ReportLimits.LineChars) ? $"(lines cut at {ReportLimits.LineChars} characters)" : null;
            if (cut is not null)
            {
                lines.Add($"    {cut}; {WhereTheFullOutputIs()}");
            }
        }

        return string.Join('\n', lines);
    }

    /// <summary>The first line of <see cref="Describe"/>, for lists and one-line summaries.</summary>
    public string Headline() => Describe().Split('\n', 2)[0];

    // The output besides the error, which the failure message already shows.
    private void AddOutputTail(List<string> lines)
    {
        var text = OutputText.Render([.. Run.Outputs.Where(o => o is not ErrorOutput)]);
        if (text.Length == 0)
        {
            return;
        }

        var all = text.TrimEnd('\n').Split('\n');
        var tail = all.TakeLast(ReportLimits.OutputTailLines).ToList();
        var shown = tail.Count < all.Length ? $"output, last {tail.Count} of {ReportLimits.Count(all.Length)} lines" : "output";
        var clipped = tail.Count < all.Length || tail.Any(l => l.Length > ReportLimits.LineChars);
        lines.Add(clipped || ExecutedNotebook is not null ? $"    {shown} ({WhereTheFullOutputIs()}):" : $"    {shown}:");
        lines.AddRange(tail.Select(l => "    | " + ReportLimits.Clip(l)));
    }

    private string WhereTheFullOutputIs() => ExecutedNotebook is not null
        ? $"full output in {ExecutedNotebook}"
        : "keep the full output with --output-dir DIR (WriteExecutedNotebookTo in the test API)";
}
