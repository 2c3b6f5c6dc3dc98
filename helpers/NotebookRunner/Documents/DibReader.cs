using System.Text.Json;
using System.Text.Json.Nodes;

namespace NotebookRunner.Documents;

/// <summary>Reads Polyglot <c>.dib</c> files: an optional <c>#!meta</c> JSON header, then cells introduced by <c>#!kernel</c> lines.</summary>
internal static class DibReader
{
    private const string MetaSeparator = "#!meta";

    public static NotebookDocument Read(string path, string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var metadata = new JsonObject();
        var sections = new List<(string Kernel, int FirstLine, List<string> Lines)>();
        (string Kernel, int FirstLine, List<string> Lines) current = (MetaSeparator, 1, []);
        var inPreamble = true;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var kernel = line == MetaSeparator ? MetaSeparator : KernelNames.FromSelectorLine(line);
            if (kernel is null || line.TrimEnd() != line)
            {
                current.Lines.Add(line);
                continue;
            }

            Close(current, inPreamble);
            inPreamble = false;
            current = (kernel, i + 2, []);
        }

        Close(current, inPreamble);

        var defaultKernel = KernelNames.Resolve(metadata["kernelInfo"]?["defaultKernelName"]?.GetValue<string>()) ?? KernelNames.CSharp;
        var cells = sections.Select((s, index) => new NotebookCell
        {
            Index = index,
            Kind = s.Kernel == KernelNames.Markdown ? CellKind.Markdown : CellKind.Code,
            Source = string.Join('\n', s.Lines),
            KernelName = s.Kernel == KernelNames.Markdown ? null : s.Kernel,
            FileLine = s.FirstLine,
        }).ToList();
        return new NotebookDocument(path, NotebookFormat.Dib, cells, metadata, defaultKernel);

        void Close((string Kernel, int FirstLine, List<string> Lines) section, bool preamble)
        {
            var (first, body) = Trim(section.Lines);
            if (section.Kernel == MetaSeparator && !preamble)
            {
                metadata = ParseMeta(path, section.FirstLine + first, string.Join('\n', body));
            }
            else if (body.Count > 0)
            {
                // Text before the first separator belongs to the default kernel, which is known only after #!meta.
                sections.Add((preamble ? KernelNames.CSharp : section.Kernel, section.FirstLine + first, body));
            }
        }
    }

    // Blank lines around a cell's content separate cells in the file; they are not part of the cell.
    private static (int FirstIndex, List<string> Body) Trim(List<string> lines)
    {
        var start = lines.FindIndex(l => l.Trim().Length > 0);
        if (start < 0)
        {
            return (0, []);
        }

        var end = lines.FindLastIndex(l => l.Trim().Length > 0);
        return (start, lines.GetRange(start, end - start + 1));
    }

    private static JsonObject ParseMeta(string path, int firstLine, string json)
    {
        try
        {
            return JsonNode.Parse(json) as JsonObject
                   ?? throw new NotebookFormatException(path, firstLine, 1, "the #!meta header must be a JSON object");
        }
        catch (JsonException e)
        {
            throw new NotebookFormatException(path, firstLine + (int)(e.LineNumber ?? 0), (int?)(e.BytePositionInLine + 1),
                                              "invalid JSON in the #!meta header", e);
        }
    }
}
