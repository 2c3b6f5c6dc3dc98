namespace NotebookRunner.Documents;

/// <summary>One output of a code cell, in the shapes VS Code writes to an <c>.ipynb</c> file.</summary>
public abstract record CellOutput;

/// <summary>Text written to standard output or standard error; consecutive chunks of one stream are merged.</summary>
/// <param name="Name"><c>stdout</c> or <c>stderr</c>.</param>
/// <param name="Text">The text, line endings as written.</param>
public sealed record StreamOutput(string Name, string Text) : CellOutput
{
    /// <summary>The name of the standard output stream.</summary>
    public const string StandardOutput = "stdout";

    /// <summary>The name of the standard error stream.</summary>
    public const string StandardError = "stderr";
}

/// <summary>A displayed or returned value: one entry per MIME type, written as <c>display_data</c>.</summary>
/// <param name="Data">MIME type to content. Text and SVG are strings; a MIME type containing <c>json</c> holds JSON text.</param>
public sealed record DisplayOutput(IReadOnlyList<KeyValuePair<string, string>> Data) : CellOutput
{
    /// <summary>A display with a single MIME type.</summary>
    public static DisplayOutput Of(string mimeType, string content) => new([new(mimeType, content)]);
}

/// <summary>A failure of the cell: compile error, exception, magic error, timeout or crash.</summary>
/// <param name="EName">The error name; VS Code writes <c>Error</c>.</param>
/// <param name="EValue">The message (for exceptions, <c>exception.ToString()</c>).</param>
/// <param name="Traceback">The message split into lines.</param>
public sealed record ErrorOutput(string EName, string EValue, IReadOnlyList<string> Traceback) : CellOutput;

/// <summary>An output that could not be read, kept in its place by <see cref="NotebookReader.ReadForDisplay"/>.</summary>
/// <param name="Problem">What is wrong with it, with the file and position.</param>
public sealed record UnreadableOutput(NotebookFormatException Problem) : CellOutput;
