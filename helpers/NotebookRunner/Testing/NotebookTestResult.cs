namespace NotebookRunner.Testing;

/// <summary>The verdicts on every code cell of a notebook run.</summary>
/// <param name="Path">The notebook file.</param>
/// <param name="Cells">One result per code cell, in order.</param>
/// <param name="Elapsed">Wall time of the run.</param>
public sealed record NotebookTestResult(string Path, IReadOnlyList<CellTestResult> Cells, TimeSpan Elapsed)
{
    /// <summary>Cells that passed.</summary>
    public int PassedCount => Cells.Count(c => c.Outcome == CellOutcome.Passed);

    /// <summary>Cells that failed or never ran.</summary>
    public int FailedCount => Cells.Count(c => c.Outcome is CellOutcome.Failed or CellOutcome.NotRun);

    /// <summary>Cells skipped by a directive.</summary>
    public int SkippedCount => Cells.Count(c => c.Outcome == CellOutcome.Skipped);

    /// <summary>True when no cell failed or was left unrun.</summary>
    public bool Succeeded => FailedCount == 0;

    /// <summary>Throws when a cell failed to run as its directives expect; output differences are not checked.</summary>
    /// <exception cref="NotebookAssertionException">A cell failed; the message names the cell and the line.</exception>
    public void AssertPassed() => ThrowIfAny(c => c.Failure is not null || c.Outcome == CellOutcome.NotRun, "did not run as expected");

    /// <summary>Throws when a cell failed or its outputs differ from the stored outputs after sanitizing.</summary>
    /// <exception cref="NotebookAssertionException">A cell failed or differed; the message names the cell and the line and shows the diff.</exception>
    public void AssertMatchesStoredOutputs() => ThrowIfAny(c => c.Outcome is CellOutcome.Failed or CellOutcome.NotRun || c.Diff is not null,
                                                           "did not run as expected or differ from the stored outputs");

    private void ThrowIfAny(Func<CellTestResult, bool> failed, string what)
    {
        var failures = Cells.Where(failed).ToList();
        if (failures.Count > 0)
        {
            throw new NotebookAssertionException(
                $"{Path}: {failures.Count} of {Cells.Count} cells {what}:\n" + string.Join('\n', FailureReport.Lines(failures)));
        }
    }
}
