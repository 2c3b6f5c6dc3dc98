namespace NotebookRunner.Documents;

/// <summary>A notebook file that cannot be read: bad JSON, an unsupported nbformat, missing or mistyped fields, or an invalid directive.</summary>
/// <remarks>The message starts with <c>path(line L, col C):</c> when the position is known, so editors and CI logs link to it.</remarks>
public sealed class NotebookFormatException : Exception
{
    /// <summary>Creates the exception for a problem at a position of a file.</summary>
    /// <param name="path">The notebook file.</param>
    /// <param name="line">1-based line, or null when unknown.</param>
    /// <param name="column">1-based column, or null when unknown.</param>
    /// <param name="problem">What is wrong, as one sentence.</param>
    /// <param name="inner">The underlying parser exception, if any.</param>
    public NotebookFormatException(string path, int? line, int? column, string problem, Exception? inner = null)
        : base($"{Locate(path, line, column)}: {problem}", inner)
    {
        Path = path;
        Line = line;
        Column = column;
        Problem = problem;
    }

    /// <summary>The notebook file.</summary>
    public string Path { get; }

    /// <summary>1-based line of the problem, or null when unknown.</summary>
    public int? Line { get; }

    /// <summary>1-based column of the problem, or null when unknown.</summary>
    public int? Column { get; }

    /// <summary>The problem without the location prefix.</summary>
    public string Problem { get; }

    private static string Locate(string path, int? line, int? column) =>
        (line, column) switch
        {
            (int l, int c) => $"{path}(line {l}, col {c})",
            (int l, null) => $"{path}(line {l})",
            _ => path,
        };
}
