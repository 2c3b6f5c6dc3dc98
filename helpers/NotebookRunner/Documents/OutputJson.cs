using System.Text.Json.Nodes;

namespace NotebookRunner.Documents;

/// <summary>Converts the cell model to the JSON shapes VS Code writes (compat spec §1.5–1.6).</summary>
internal static class OutputJson
{
    /// <summary>Splits text into Jupyter's line array: every line but the last keeps its <c>\n</c>; an empty last line is dropped.</summary>
    public static JsonArray Lines(string text)
    {
        var lines = new JsonArray();
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            var stop = end < 0 ? text.Length : end + 1;
            lines.Add(text[start..stop]);
            start = stop;
        }

        return lines;
    }

    public static JsonObject ToJson(CellOutput output) => output switch
    {
        StreamOutput s => new JsonObject { ["name"] = s.Name, ["output_type"] = "stream", ["text"] = Lines(s.Text) },
        DisplayOutput d => new JsonObject
        {
            ["data"] = new JsonObject(d.Data.Select(p => new KeyValuePair<string, JsonNode?>(p.Key, MimeValue(p.Key, p.Value)))),
            ["metadata"] = new JsonObject(),
            ["output_type"] = "display_data",
        },
        ErrorOutput e => new JsonObject
        {
            ["ename"] = e.EName,
            ["evalue"] = e.EValue,
            ["output_type"] = "error",
            ["traceback"] = new JsonArray(e.Traceback.Select(l => (JsonNode?)JsonValue.Create(l)).ToArray()),
        },
        _ => throw new ArgumentException($"unknown output type {output.GetType().Name}", nameof(output)),
    };

    // Encodings on disk (§1.6): text and SVG as line arrays, JSON mime types as objects, everything else (base64 images) as a string.
    private static JsonNode? MimeValue(string mime, string content)
    {
        if (mime.StartsWith("text/", StringComparison.Ordinal) || mime == "image/svg+xml")
        {
            return Lines(content);
        }

        if (mime.Contains("json", StringComparison.Ordinal))
        {
            try
            {
                return JsonNode.Parse(content);
            }
            catch (System.Text.Json.JsonException)
            {
                return content;
            }
        }

        return content;
    }
}
