using System.Text.Json.Nodes;

namespace NotebookRunner.Documents;

/// <summary>The kind of a notebook cell.</summary>
public enum CellKind
{
    /// <summary>Source code, executed by a kernel.</summary>
    Code,
    /// <summary>Markdown prose, never executed.</summary>
    Markdown,
    /// <summary>Raw text, never executed.</summary>
    Raw,
}

/// <summary>A cell of a notebook: its source, the kernel it targets, its metadata and outputs.</summary>
public sealed class NotebookCell
{
    /// <summary>Zero-based position of the cell in the notebook.</summary>
    public required int Index { get; init; }

    /// <summary>Code, markdown or raw.</summary>
    public required CellKind Kind { get; init; }

    /// <summary>The cell's source text with <c>\n</c> line endings.</summary>
    public required string Source { get; set; }

    /// <summary>The kernel the cell targets after metadata and notebook defaults are resolved (e.g. <c>csharp</c>).</summary>
    public string? KernelName { get; init; }

    /// <summary>The cell's metadata; keys this runner does not know are preserved.</summary>
    public JsonObject Metadata { get; init; } = [];

    /// <summary>The outputs, in emission order.</summary>
    public List<CellOutput> Outputs { get; } = [];

    /// <summary>The execution counter, or null if the cell has not run.</summary>
    public int? ExecutionCount { get; set; }

    /// <summary>The 1-based line of the notebook file where the cell's source starts, when known (for error messages).</summary>
    public int? FileLine { get; init; }

    /// <summary>Why this cell could not be read, for a placeholder made by <see cref="NotebookReader.ReadForDisplay"/>; otherwise null.</summary>
    public NotebookFormatException? Problem { get; init; }

    /// <summary>The first line of the source, for reports.</summary>
    public string FirstLine => Source.Split('\n', 2)[0];
}
