using System.Text.Json.Nodes;

namespace NotebookRunner.Documents;

/// <summary>Writes notebooks exactly as VS Code saves them, so a run leaves no diff noise.</summary>
/// <remarks>
/// Everything not executed is written back as read (unknown metadata, ids, markdown, nbformat, indentation); executed
/// cells get new outputs and execution counts, and the notebook metadata is completed so Polyglot claims the file (§1.8).
/// </remarks>
public static class NotebookWriter
{
    /// <summary>The notebook as VS Code-style JSON text, with a trailing newline.</summary>
    /// <exception cref="NotSupportedException">The notebook is a <c>.dib</c> file, which has no place for outputs.</exception>
    public static string ToJson(NotebookDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Root is null || document.CellJson is null)
        {
            throw new NotSupportedException($"{document.Path}: .dib notebooks store no outputs; only .ipynb files are written");
        }

        // Work on a copy so that serializing never changes the document.
        var root = (JsonObject)document.Root.DeepClone();
        var cells = (JsonArray)root["cells"]!;
        for (var i = 0; i < document.Cells.Count; i++)
        {
            UpdateCell((JsonObject)cells[i]!, document.Cells[i], document.WasExecuted(i));
        }

        if (document.HasExecutedCells)
        {
            CompleteMetadata(root, document);
        }

        return JavaScriptJson.Serialize(root, document.Indent);
    }

    /// <summary>Writes the notebook to <paramref name="path"/> atomically (temporary file in the same folder, then rename).</summary>
    public static void Write(NotebookDocument document, string path) => AtomicFile.WriteAllText(path, ToJson(document));

    private static void UpdateCell(JsonObject json, NotebookCell cell, bool executed)
    {
        var original = json["source"] switch
        {
            JsonArray lines => string.Concat(lines.Select(l => l?.GetValue<string>())),
            JsonValue v => v.GetValue<string>(),
            _ => "",
        };
        if (original.Replace("\r\n", "\n", StringComparison.Ordinal) != cell.Source)
        {
            json["source"] = OutputJson.Lines(cell.Source);
        }

        if (executed)
        {
            json["execution_count"] = cell.ExecutionCount;
            json["outputs"] = new JsonArray(cell.Outputs.Select(o => (JsonNode?)OutputJson.ToJson(o)).ToArray());
        }
    }

    // Writer rules 3 and 5 of compat spec §1.8, applied once a notebook has run, as VS Code does on its next save.
    private static void CompleteMetadata(JsonObject root, NotebookDocument document)
    {
        var metadata = root["metadata"] as JsonObject ?? [];
        root["metadata"] = metadata;

        if (KernelNames.FromKernelspecName(metadata["kernelspec"]?["name"]?.GetValue<string>()) is null)
        {
            metadata["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" };
        }

        var polyglot = metadata["polyglot_notebook"] as JsonObject ?? [];
        metadata["polyglot_notebook"] = polyglot;
        if (polyglot["kernelInfo"] is not JsonObject)
        {
            polyglot["kernelInfo"] = new JsonObject
            {
                ["defaultKernelName"] = document.DefaultKernelName,
                ["items"] = new JsonArray(new JsonObject { ["aliases"] = new JsonArray(), ["languageName"] = "csharp", ["name"] = "csharp" }),
            };
        }

        var languageInfo = metadata["language_info"] as JsonObject;
        if (languageInfo is null)
        {
            metadata["language_info"] = new JsonObject { ["name"] = "polyglot-notebook" };
        }
        else if (languageInfo["name"]?.ToString() != "polyglot-notebook")
        {
            // Keep the original language_info but tell VS Code the cells are Polyglot cells (§1.2, dotnet-repl#88).
            foreach (var cell in root["cells"]!.AsArray().OfType<JsonObject>().Where(c => c["cell_type"]?.ToString() == "code"))
            {
                var cellMetadata = cell["metadata"] as JsonObject ?? [];
                cell["metadata"] = cellMetadata;
                var vscode = cellMetadata["vscode"] as JsonObject ?? [];
                cellMetadata["vscode"] = vscode;
                vscode["languageId"] = "polyglot-notebook";
            }
        }

        // Ids go to rewritten cells only: VS Code leaves id-less cells it did not create alone, and markdown stays byte-for-byte.
        var version = (root["nbformat"]?.GetValue<int>() ?? 4, root["nbformat_minor"]?.GetValue<int>() ?? 0);
        if (version.CompareTo((4, 5)) >= 0)
        {
            var cells = root["cells"]!.AsArray();
            foreach (var index in Enumerable.Range(0, cells.Count).Where(i => document.WasExecuted(i) && cells[i]!["id"] is null))
            {
                cells[index]!["id"] = Guid.NewGuid().ToString("N")[..8];
            }
        }
    }
}
