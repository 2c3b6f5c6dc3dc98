using System.Text.Json.Nodes;
using NotebookRunner.Execution;

namespace NotebookRunner.Documents;

/// <summary>A notebook read from disk: its cells, its metadata and the default kernel, plus what the writer needs to save it unchanged.</summary>
/// <remarks>Only cells whose results were recorded with <see cref="RecordResult"/> are rewritten; everything else is written back as it was read.</remarks>
public sealed class NotebookDocument
{
    private readonly HashSet<int> _executed = [];

    internal NotebookDocument(string path, NotebookFormat format, IReadOnlyList<NotebookCell> cells, JsonObject metadata,
                              string defaultKernelName, JsonObject? root = null, IReadOnlyList<JsonObject>? cellJson = null,
                              string indent = " ")
    {
        Path = path;
        Format = format;
        Cells = cells;
        Metadata = metadata;
        DefaultKernelName = defaultKernelName;
        Root = root;
        CellJson = cellJson;
        Indent = indent;
    }

    /// <summary>The file the notebook was read from.</summary>
    public string Path { get; }

    /// <summary><c>.ipynb</c> or <c>.dib</c>.</summary>
    public NotebookFormat Format { get; }

    /// <summary>All cells, markdown included, in file order.</summary>
    public IReadOnlyList<NotebookCell> Cells { get; }

    /// <summary>The notebook-level metadata (for <c>.dib</c>, the <c>#!meta</c> header); unknown keys are preserved.</summary>
    public JsonObject Metadata { get; }

    /// <summary>The kernel cells run in unless their metadata or a selector says otherwise (compat spec §1.2).</summary>
    public string DefaultKernelName { get; }

    /// <summary>The cells and outputs that could not be read, when read with <see cref="NotebookReader.ReadForDisplay"/>; otherwise empty.</summary>
    public IReadOnlyList<NotebookFormatException> Problems { get; init; } = [];

    /// <summary>The cells that would be sent to a kernel: code cells, in order.</summary>
    public IEnumerable<NotebookCell> CodeCells => Cells.Where(c => c.Kind == CellKind.Code);

    /// <summary>True once any cell result was recorded, so the writer also normalizes the metadata as VS Code does after a run.</summary>
    public bool HasExecutedCells => _executed.Count > 0;

    internal JsonObject? Root { get; }

    internal IReadOnlyList<JsonObject>? CellJson { get; }

    internal string Indent { get; }

    internal bool WasExecuted(int cellIndex) => _executed.Contains(cellIndex);

    /// <summary>Stores a cell's outputs and execution count so the next write replaces them; skipped and never-run cells keep what they had.</summary>
    public void RecordResult(CellRunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Status is CellStatus.Skipped or CellStatus.NotRun)
        {
            return;
        }

        var cell = Cells[result.CellIndex];
        cell.Outputs.Clear();
        cell.Outputs.AddRange(result.Outputs);
        cell.ExecutionCount = result.ExecutionCount;
        _executed.Add(result.CellIndex);
    }
}
