namespace NotebookRunner.Testing;

/// <summary>What a run verifies.</summary>
public enum NotebookTestMode
{
    /// <summary>Every cell runs as its directives expect; outputs are not compared (they are what gets written).</summary>
    Run,
    /// <summary>As <see cref="Run"/>, and every cell's outputs match the stored outputs after sanitizing.</summary>
    Check,
}
