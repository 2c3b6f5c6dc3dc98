namespace NotebookRunner.Testing;

/// <summary>Notebook-wide test settings from the notebook's <c>notebook_runner</c> metadata.</summary>
/// <param name="Sanitizer">The sanitizer rules for this notebook.</param>
/// <param name="Outputs">The default comparison for cells without their own <c>outputs</c>.</param>
/// <param name="NotebookTimeout">How long the whole notebook may run, or null for the caller's default.</param>
/// <param name="CellTimeout">The default cell timeout, or null for the caller's default.</param>
/// <param name="RunAlone">True when the notebook must not run in parallel with others (timing-sensitive lessons).</param>
public sealed record NotebookSettings(
    Sanitizer Sanitizer,
    OutputMode Outputs = OutputMode.Exact,
    TimeSpan? NotebookTimeout = null,
    TimeSpan? CellTimeout = null,
    bool RunAlone = false)
{
    /// <summary>The settings of a notebook without <c>notebook_runner</c> metadata.</summary>
    public static NotebookSettings Default { get; } = new(Sanitizer.Default);
}
