namespace NotebookRunner.Testing;

/// <summary>How a cell's executed outputs are compared with the outputs stored in the notebook.</summary>
public enum OutputMode
{
    /// <summary>Equal after sanitizing (the default).</summary>
    Exact,
    /// <summary>Not compared; the cell only has to run as expected.</summary>
    Ignore,
    /// <summary>The cell's text output must match the directive's regular expression; stored outputs are not used.</summary>
    Pattern,
    /// <summary>The same sequence of output kinds (stdout, stderr, display MIME types, error), whatever their content.</summary>
    Kinds,
}
