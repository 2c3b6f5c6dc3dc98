using System.Text;
using System.Text.Json;

namespace NotebookRunner.Documents;

/// <summary>Maps JSON paths such as <c>cells[2].source</c> to 1-based line and column in the file, for error messages.</summary>
/// <remarks>JsonNode keeps no positions, so one extra pass with Utf8JsonReader records where every value starts.</remarks>
internal sealed class JsonPositions
{
    private readonly byte[] _utf8;
    private readonly Dictionary<string, long> _offsets = new(StringComparer.Ordinal);

    private JsonPositions(byte[] utf8) => _utf8 = utf8;

    /// <summary>Indexes a document that is already known to parse.</summary>
    public static JsonPositions Index(byte[] utf8)
    {
        var positions = new JsonPositions(utf8);
        var reader = new Utf8JsonReader(utf8);
        var open = new Stack<Container>();
        string? pendingProperty = null;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    pendingProperty = reader.GetString();
                    continue;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    open.Pop();
                    continue;
            }

            // A value starts: its path is the container's path plus the property name or the array index.
            var path = "";
            if (open.TryPeek(out var parent))
            {
                path = parent.IsArray ? $"{parent.Path}[{parent.NextIndex++}]"
                     : parent.Path.Length == 0 ? pendingProperty!
                     : $"{parent.Path}.{pendingProperty}";
            }

            positions._offsets.TryAdd(path, reader.TokenStartIndex);
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                open.Push(new Container(path, reader.TokenType == JsonTokenType.StartArray));
            }
        }

        return positions;
    }

    private sealed class Container(string path, bool isArray)
    {
        public string Path { get; } = path;

        public bool IsArray { get; } = isArray;

        public int NextIndex { get; set; }
    }

    /// <summary>The 1-based line and column where the value at <paramref name="path"/> (or its nearest ancestor) starts.</summary>
    public (int Line, int Column) Find(string path)
    {
        while (true)
        {
            if (_offsets.TryGetValue(path, out var offset))
            {
                return ToLineColumn(offset);
            }

            var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
            if (cut <= 0)
            {
                return _offsets.TryGetValue("", out var rootOffset) ? ToLineColumn(rootOffset) : (1, 1);
            }

            path = path[..cut];
        }
    }

    private (int Line, int Column) ToLineColumn(long offset)
    {
        var span = _utf8.AsSpan(0, (int)offset);
        var line = span.Count((byte)'\n') + 1;
        var lineStart = span.LastIndexOf((byte)'\n') + 1;
        return (line, Encoding.UTF8.GetCharCount(span[lineStart..]) + 1);
    }
}
