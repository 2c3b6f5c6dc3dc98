namespace NotebookRunner.Testing;

/// <summary>The verdict on one code cell.</summary>
public enum CellOutcome
{
    /// <summary>The cell behaved as its directives ask (and, when compared, its outputs matched).</summary>
    Passed,
    /// <summary>The cell failed, timed out, crashed, threw the wrong exception or none, or its outputs differ.</summary>
    Failed,
    /// <summary>A <c>skip</c> directive kept the cell from running.</summary>
    Skipped,
    /// <summary>The cell never ran because an earlier failure stopped the notebook; never a pass.</summary>
    NotRun,
}
