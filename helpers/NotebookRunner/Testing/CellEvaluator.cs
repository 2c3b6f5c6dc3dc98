using System.Globalization;
using System.Text.RegularExpressions;
using NotebookRunner.Documents;
using NotebookRunner.Execution;

namespace NotebookRunner.Testing;

/// <summary>Turns the executor's results into verdicts: applies expected exceptions, skips and output comparison.</summary>
public static partial class CellEvaluator
{
    /// <summary>Judges every code cell of a run.</summary>
    /// <param name="plan">The notebook with its directives; its cells still hold the stored outputs.</param>
    /// <param name="run">What the executor produced.</param>
    /// <param name="compareOutputs">True in check mode: output differences fail the cell. Patterns are checked in both modes.</param>
    public static NotebookTestResult Evaluate(NotebookPlan plan, NotebookRunResult run, bool compareOutputs)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(run);
        var results = run.Cells.Select(r => Evaluate(plan, r, compareOutputs)).ToList();
        return new NotebookTestResult(plan.Document.Path, results, run.Elapsed);
    }

    /// <summary>Judges one code cell, e.g. as soon as it finishes, for live progress.</summary>
    public static CellTestResult Evaluate(NotebookPlan plan, CellRunResult run, bool compareOutputs)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(run);
        var cell = plan.Document.Cells[run.CellIndex];
        var directives = plan.DirectivesOf(cell.Index);
        var result = new CellTestResult(plan.Document.Path, cell.Index + 1, cell.FirstLine, CellOutcome.Passed, null, 1, null, 1, [], run)
        {
            ComparedWithStoredOutputs = compareOutputs,
        };
        switch (run.Status)
        {
            case CellStatus.Skipped:
                return result with { Outcome = CellOutcome.Skipped, Failure = null };
            case CellStatus.NotRun:
                return result with { Outcome = CellOutcome.NotRun, Failure = run.FailureMessage ?? "not run: an earlier cell stopped the notebook" };
        }

        var failure = ExecutionFailure(directives, run);
        if (failure is not null)
        {
            result = result with { Outcome = CellOutcome.Failed, Failure = failure, FailureLine = ErrorLine(run.Outputs) };
        }

        switch (directives.Outputs)
        {
            case OutputMode.Pattern when !directives.Pattern!.IsMatch(OutputText.PlainText(run.Outputs)):
                return result with
                {
                    Outcome = CellOutcome.Failed,
                    Failure = (failure is null ? "" : failure + "; ") + $"output does not match the pattern /{directives.Pattern}/",
                };
            // .dib files store no outputs, so there is nothing to compare with.
            case OutputMode.Exact or OutputMode.Kinds when plan.Document.Format == NotebookFormat.Ipynb:
                var fired = new SortedSet<string>(StringComparer.Ordinal);
                var (stored, actual) = directives.Outputs == OutputMode.Exact
                    ? (plan.Settings.Sanitizer.Apply(OutputText.Render(cell.Outputs), fired), plan.Settings.Sanitizer.Apply(OutputText.Render(run.Outputs), fired))
                    : (OutputText.Kinds(cell.Outputs), OutputText.Kinds(run.Outputs));
                var diff = UnifiedDiff.Create(stored, actual, "stored", "actual", out var line);
                return result with
                {
                    Diff = diff,
                    DiffLine = line,
                    SanitizersFired = fired,
                    Outcome = diff is not null && compareOutputs ? CellOutcome.Failed : result.Outcome,
                };
            default:
                return result;
        }
    }

    // Null when the cell ran as its directives expect; otherwise one sentence saying what went wrong.
    private static string? ExecutionFailure(CellDirectives directives, CellRunResult run)
    {
        var elapsed = run.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        if (directives.ExpectedException is { } expected)
        {
            return run.Status switch
            {
                CellStatus.Passed => $"expected {expected} but nothing was thrown",
                CellStatus.Failed when directives.IsExpected(run.ExceptionType) => null,
                CellStatus.Failed => $"expected {expected} but got {run.ExceptionType ?? "an error"}: {FirstErrorLine(run)}",
                _ => $"expected {expected} but the cell {Describe(run.Status)} after {elapsed} s: {run.FailureMessage}",
            };
        }

        return run.Status switch
        {
            CellStatus.Passed => null,
            CellStatus.Failed => FirstErrorLine(run),
            _ => $"the cell {Describe(run.Status)} after {elapsed} s: {run.FailureMessage}",
        };
    }

    private static string Describe(CellStatus status) => status switch
    {
        CellStatus.TimedOut => "timed out",
        CellStatus.Crashed => "crashed the worker",
        _ => "failed",
    };

    // The message without its stack trace: the frames name compiler-generated types, the line is reported separately.
    private static string FirstErrorLine(CellRunResult run)
    {
        var message = run.FailureMessage ?? run.Outputs.OfType<ErrorOutput>().Select(e => e.EValue).FirstOrDefault() ?? "the cell failed";
        var lines = message.ReplaceLineEndings("\n").Split('\n').TakeWhile(l => !l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
        return string.Join('\n', lines).TrimEnd();
    }

    // Compile errors start "(line,col): error"; runtime stack frames of the submission end ":line N".
    private static int ErrorLine(IReadOnlyList<CellOutput> outputs)
    {
        foreach (var error in outputs.OfType<ErrorOutput>())
        {
            var match = CompileErrorLine().Match(error.EValue);
            if (!match.Success)
            {
                match = StackFrameLine().Match(error.EValue);
            }

            if (match.Success)
            {
                return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            }
        }

        return 1;
    }

    [GeneratedRegex(@"^\((\d+),\d+\): error", RegexOptions.Multiline)]
    private static partial Regex CompileErrorLine();

    [GeneratedRegex(@"Submission#\d+.*:line (\d+)")]
    private static partial Regex StackFrameLine();
}
