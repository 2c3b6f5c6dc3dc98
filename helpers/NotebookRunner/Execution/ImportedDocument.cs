using System.Text.Json;
using System.Text.Json.Nodes;

namespace NotebookRunner.Execution;

/// <summary>A cell of a document loaded by <c>#!import</c>.</summary>
internal sealed record ImportedCell(string KernelName, string Source);

/// <summary>
/// Reads the cells of a notebook that <c>#!import</c> loads: <c>.ipynb</c> (code and markdown cells with their
/// Polyglot kernel) and <c>.dib</c> (sections between <c>#!kernel</c> lines). Only what importing needs.
/// </summary>
internal static class ImportedDocument
{
    /// <summary>The cells of <paramref name="path"/>, in order.</summary>
    public static IReadOnlyList<ImportedCell> ReadCells(string path) =>
        Path.GetExtension(path).Equals(".dib", StringComparison.OrdinalIgnoreCase) ? ReadDib(File.ReadAllText(path)) : ReadIpynb(path);

    private static List<ImportedCell> ReadIpynb(string path)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new CellRejectedException($"#!import: {path} is not valid JSON (line {e.LineNumber + 1}): {e.Message}");
        }

        var defaultKernel = root?["metadata"]?["polyglot_notebook"]?["defaultKernelName"]?.GetValue<string>() ?? "csharp";
        var cells = root?["cells"]?.AsArray() ?? throw new CellRejectedException($"#!import: {path} has no cells.");
        return [.. cells.Where(c => c is not null).Select(cell => new ImportedCell(
            cell!["cell_type"]?.GetValue<string>() == "markdown" ? "markdown" : KernelOf(cell) ?? defaultKernel,
            cell["source"] switch
            {
                JsonArray lines => string.Concat(lines.Select(l => l?.GetValue<string>())),
                JsonNode text => text.GetValue<string>(),
                null => "",
            }))];
    }

    private static string? KernelOf(JsonNode cell) =>
        cell["metadata"]?["polyglot_notebook"]?["kernelName"]?.GetValue<string>()
        ?? cell["metadata"]?["dotnet_interactive"]?["language"]?.GetValue<string>();

    private static List<ImportedCell> ReadDib(string text)
    {
        var cells = new List<ImportedCell>();
        string? kernel = null;
        var lines = new List<string>();
        foreach (var line in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (line.StartsWith("#!", StringComparison.Ordinal) && line.Length > 2 && !line.Contains(' ', StringComparison.Ordinal)
                && line[2..] is "csharp" or "c#" or "C#" or "markdown" or "meta" or "fsharp" or "pwsh" or "javascript" or "html" or "sql" or "kql" or "mermaid" or "http" or "value")
            {
                Add();
                kernel = line[2..];
                continue;
            }

            lines.Add(line);
        }

        Add();
        return cells;

        void Add()
        {
            if (kernel is not null && kernel != "meta" && lines.Any(l => l.Trim().Length > 0))
            {
                cells.Add(new ImportedCell(kernel, string.Join('\n', lines).Trim('\n')));
            }

            lines.Clear();
        }
    }
}
