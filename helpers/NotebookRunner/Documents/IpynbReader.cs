using System.Text.Json;
using System.Text.Json.Nodes;

namespace NotebookRunner.Documents;

/// <summary>Reads Jupyter <c>.ipynb</c> files (nbformat 4) in every metadata shape VS Code, Polyglot, dotnet-repl and Jupyter have written.</summary>
internal sealed class IpynbReader
{
    private readonly string _path;
    private readonly byte[] _utf8;
    private readonly List<NotebookFormatException>? _problems;
    private JsonPositions? _positions;

    private IpynbReader(string path, byte[] utf8, List<NotebookFormatException>? problems)
    {
        _path = path;
        _utf8 = utf8;
        _problems = problems;
    }

    public static NotebookDocument Read(string path, byte[] utf8) => new IpynbReader(path, utf8, null).Read();

    /// <summary>Reads for display: a cell or an output that cannot be read becomes a placeholder carrying its problem.</summary>
    public static NotebookDocument ReadTolerant(string path, byte[] utf8) => new IpynbReader(path, utf8, []).Read();

    private NotebookDocument Read()
    {
        JsonNode? parsed;
        try
        {
            parsed = JsonNode.Parse(_utf8, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            throw new NotebookFormatException(_path, (int?)(e.LineNumber + 1), (int?)(e.BytePositionInLine + 1),
                                              $"invalid JSON: {FirstSentence(e.Message)}", e);
        }

        if (parsed is not JsonObject root)
        {
            throw Error("", "the notebook must be a JSON object");
        }

        var nbformat = RequireInt(root, "nbformat", "nbformat");
        if (nbformat != 4)
        {
            throw Error("nbformat", $"nbformat {nbformat} is not supported; this runner reads nbformat 4 (save the notebook again in VS Code or Jupyter)");
        }

        if (root["nbformat_minor"] is not null)
        {
            RequireInt(root, "nbformat_minor", "nbformat_minor");
        }

        var metadata = root["metadata"] switch
        {
            null => [],
            JsonObject o => o,
            _ => throw Error("metadata", "'metadata' must be an object"),
        };

        if (root["cells"] is not JsonArray cellsArray)
        {
            throw Error(root.ContainsKey("cells") ? "cells" : "", root.ContainsKey("cells") ? "'cells' must be an array" : "the notebook has no 'cells' array");
        }

        var defaultKernel = DefaultKernel(metadata);
        var cells = new List<NotebookCell>(cellsArray.Count);
        var cellJson = new List<JsonObject>(cellsArray.Count);
        for (var i = 0; i < cellsArray.Count; i++)
        {
            var where = $"cells[{i}]";
            try
            {
                if (cellsArray[i] is not JsonObject cell)
                {
                    throw Error(where, $"cell {i + 1} must be an object");
                }

                cells.Add(ReadCell(cell, i, where, defaultKernel));
                cellJson.Add(cell);
            }
            catch (NotebookFormatException problem) when (_problems is not null)
            {
                _problems.Add(problem);
                cells.Add(new NotebookCell { Index = i, Kind = CellKind.Raw, Source = "", Problem = problem });
                cellJson.Add([]);
            }
        }

        return new NotebookDocument(_path, NotebookFormat.Ipynb, cells, metadata, defaultKernel, root, cellJson, DetectIndent())
        {
            Problems = _problems ?? [],
        };
    }

    private NotebookCell ReadCell(JsonObject cell, int index, string where, string defaultKernel)
    {
        var kind = RequireString(cell, "cell_type", $"{where}.cell_type") switch
        {
            "code" => CellKind.Code,
            "markdown" => CellKind.Markdown,
            "raw" => CellKind.Raw,
            var other => throw Error($"{where}.cell_type", $"cell {index + 1} has an unknown cell_type '{other}' (expected code, markdown or raw)"),
        };

        var metadata = cell["metadata"] switch
        {
            null => [],
            JsonObject o => o,
            _ => throw Error($"{where}.metadata", $"the metadata of cell {index + 1} must be an object"),
        };

        var source = ReadText(cell["source"], $"{where}.source", $"the source of cell {index + 1}").Replace("\r\n", "\n", StringComparison.Ordinal);
        var result = new NotebookCell
        {
            Index = index,
            Kind = kind,
            Source = source,
            KernelName = kind == CellKind.Code ? CellKernel(metadata, source, defaultKernel) : null,
            Metadata = metadata,
            FileLine = SourceLine(where, cell["source"]),
        };

        if (kind != CellKind.Code)
        {
            return result;
        }

        result.ExecutionCount = cell["execution_count"] switch
        {
            null => null,
            JsonValue v when v.TryGetValue<int>(out var n) => n,
            _ => throw Error($"{where}.execution_count", $"the execution_count of cell {index + 1} must be an integer or null"),
        };

        switch (cell["outputs"])
        {
            case null:
                break;
            case JsonArray outputs:
                for (var o = 0; o < outputs.Count; o++)
                {
                    try
                    {
                        result.Outputs.Add(ReadOutput(outputs[o], $"{where}.outputs[{o}]", index));
                    }
                    catch (NotebookFormatException problem) when (_problems is not null)
                    {
                        _problems.Add(problem);
                        result.Outputs.Add(new UnreadableOutput(problem));
                    }
                }

                break;
            default:
                throw Error($"{where}.outputs", $"the outputs of cell {index + 1} must be an array");
        }

        return result;
    }

    private CellOutput ReadOutput(JsonNode? node, string where, int cellIndex)
    {
        if (node is not JsonObject output)
        {
            throw Error(where, $"an output of cell {cellIndex + 1} must be an object");
        }

        var kind = RequireString(output, "output_type", $"{where}.output_type");
        switch (kind)
        {
            case "stream":
                return new StreamOutput(RequireString(output, "name", $"{where}.name"),
                                        ReadText(output["text"], $"{where}.text", $"the stream text of cell {cellIndex + 1}"));
            case "display_data" or "execute_result":
                if (output["data"] is not JsonObject data)
                {
                    throw Error($"{where}.data", $"a {kind} output of cell {cellIndex + 1} needs a 'data' object");
                }

                return new DisplayOutput(data.Select(p => new KeyValuePair<string, string>(
                    p.Key,
                    p.Value is JsonObject or JsonArray && p.Key.Contains("json", StringComparison.Ordinal)
                        ? p.Value.ToJsonString()
                        : ReadText(p.Value, $"{where}.data.{p.Key}", $"the '{p.Key}' value of cell {cellIndex + 1}"))).ToList());
            case "error":
                var traceback = output["traceback"] is JsonArray lines
                    ? lines.Select((l, i) => ReadText(l, $"{where}.traceback[{i}]", "a traceback line")).ToList()
                    : [];
                return new ErrorOutput(output["ename"]?.ToString() ?? "Error", output["evalue"]?.ToString() ?? "", traceback);
            default:
                throw Error($"{where}.output_type", $"cell {cellIndex + 1} has an output of unknown type '{kind}' (expected stream, display_data, execute_result or error)");
        }
    }

    // Default-kernel resolution, in the order of compat spec §1.2.
    private static string DefaultKernel(JsonObject metadata) =>
        KernelNames.Resolve(StringAt(metadata, "polyglot_notebook", "kernelInfo", "defaultKernelName"))
        ?? KernelNames.Resolve(StringAt(metadata, "kernelInfo", "defaultKernelName"))
        ?? KernelNames.Resolve(StringAt(metadata, "polyglot_notebook", "defaultKernelName"))
        ?? KernelNames.Resolve(StringAt(metadata, "dotnet_interactive", "defaultKernelName"))
        ?? KernelNames.FromKernelspecName(StringAt(metadata, "kernelspec", "name"))
        ?? KernelNames.Resolve(StringAt(metadata, "kernelspec", "language"))
        ?? KernelNames.CSharp;

    // Cell-kernel resolution (compat spec §1.3): a first-line selector wins, then the cell metadata, then the default.
    private static string CellKernel(JsonObject metadata, string source, string defaultKernel) =>
        KernelNames.FromSelectorLine(source.Split('\n', 2)[0])
        ?? KernelNames.Resolve(StringAt(metadata, "polyglot_notebook", "kernelName"))
        ?? KernelNames.Resolve(StringAt(metadata, "dotnet_interactive", "language"))
        ?? KernelNames.Resolve(StringAt(metadata, "vscode", "languageId"))
        ?? defaultKernel;

    private static string? StringAt(JsonObject obj, params string[] keys)
    {
        JsonNode? node = obj;
        foreach (var key in keys)
        {
            node = node is JsonObject o ? o[key] : null;
        }

        return node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
    }

    private string ReadText(JsonNode? node, string where, string what)
    {
        switch (node)
        {
            case null:
                return "";
            case JsonValue v when v.TryGetValue<string>(out var s):
                return s;
            case JsonArray lines:
                var parts = new string[lines.Count];
                for (var i = 0; i < lines.Count; i++)
                {
                    parts[i] = lines[i] is JsonValue lv && lv.TryGetValue<string>(out var line)
                        ? line
                        : throw Error($"{where}[{i}]", $"{what} must be a string or an array of strings");
                }

                return string.Concat(parts);
            default:
                throw Error(where, $"{what} must be a string or an array of strings");
        }
    }

    private int RequireInt(JsonObject obj, string key, string where) =>
        obj[key] is JsonValue v && v.TryGetValue<int>(out var n)
            ? n
            : throw Error(obj.ContainsKey(key) ? where : "", obj.ContainsKey(key) ? $"'{key}' must be an integer" : $"the notebook has no '{key}'");

    private string RequireString(JsonObject obj, string key, string where) =>
        obj[key] is JsonValue v && v.TryGetValue<string>(out var s)
            ? s
            : throw Error(obj.ContainsKey(key) ? where : ParentOf(where), obj.ContainsKey(key) ? $"'{key}' must be a string" : $"'{key}' is missing");

    private static string ParentOf(string where) => where.LastIndexOf('.') is var cut and > 0 ? where[..cut] : "";

    private int? SourceLine(string where, JsonNode? source) =>
        Positions.Find(source is JsonArray { Count: > 0 } ? $"{where}.source[0]" : $"{where}.source").Line;

    private NotebookFormatException Error(string where, string problem)
    {
        var (line, column) = Positions.Find(where);
        return new NotebookFormatException(_path, line, column, problem);
    }

    private JsonPositions Positions => _positions ??= JsonPositions.Index(_utf8);

    // detect-indent on the first 1000 characters, as VS Code does when it re-saves a file; one space by default.
    private string DetectIndent()
    {
        var head = System.Text.Encoding.UTF8.GetString(_utf8, 0, Math.Min(_utf8.Length, 1000));
        foreach (var line in head.Split('\n').Skip(1))
        {
            var width = line.Length - line.TrimStart(' ', '\t').Length;
            if (width > 0)
            {
                return line[..width];
            }
        }

        return " ";
    }

    private static string FirstSentence(string message) => message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0].TrimEnd('.', ' ');
}
