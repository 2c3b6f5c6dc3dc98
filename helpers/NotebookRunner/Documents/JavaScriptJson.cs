using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NotebookRunner.Documents;

/// <summary>Serializes JSON the way VS Code saves notebooks: <c>JSON.stringify(sortedKeys, undefined, indent) + "\n"</c>.</summary>
/// <remarks>
/// System.Text.Json's writer differs from JavaScript in escaping and spacing, so this writer reproduces JavaScript exactly:
/// keys sorted by ordinal UTF-16 order, <c>": "</c>, empty containers as <c>[]</c>/<c>{}</c>, only quote, backslash,
/// control characters and lone surrogates escaped (lowercase hex), numbers as they were read.
/// </remarks>
internal static class JavaScriptJson
{
    public static string Serialize(JsonNode? node, string indent)
    {
        var builder = new StringBuilder();
        Write(builder, node, indent, 0);
        return builder.Append('\n').ToString();
    }

    private static void Write(StringBuilder b, JsonNode? node, string indent, int depth)
    {
        switch (node)
        {
            case null:
                b.Append("null");
                break;
            case JsonObject obj:
                var properties = obj.OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
                WriteContainer(b, '{', '}', properties, indent, depth, (p, d) =>
                {
                    WriteString(b, p.Key);
                    b.Append(": ");
                    Write(b, p.Value, indent, d);
                });
                break;
            case JsonArray array:
                WriteContainer(b, '[', ']', array.ToList(), indent, depth, (item, d) => Write(b, item, indent, d));
                break;
            case JsonValue value:
                WriteValue(b, value);
                break;
        }
    }

    private static void WriteContainer<T>(StringBuilder b, char open, char close, List<T> items, string indent, int depth, Action<T, int> writeItem)
    {
        b.Append(open);
        if (items.Count > 0)
        {
            for (var i = 0; i < items.Count; i++)
            {
                b.Append(i == 0 ? "\n" : ",\n").Insert(b.Length, indent, depth + 1);
                writeItem(items[i], depth + 1);
            }

            b.Append('\n').Insert(b.Length, indent, depth);
        }

        b.Append(close);
    }

    private static void WriteValue(StringBuilder b, JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                WriteString(b, value.GetValue<string>());
                break;
            case JsonValueKind.True:
                b.Append("true");
                break;
            case JsonValueKind.False:
                b.Append("false");
                break;
            case JsonValueKind.Null:
                b.Append("null");
                break;
            default:
                // Numbers keep the text they were read with; numbers created in code come out invariant.
                b.Append(value.ToJsonString());
                break;
        }
    }

    private static void WriteString(StringBuilder b, string s)
    {
        b.Append('"');
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            switch (c)
            {
                case '"': b.Append("\\\""); break;
                case '\\': b.Append("\\\\"); break;
                case '\b': b.Append("\\b"); break;
                case '\f': b.Append("\\f"); break;
                case '\n': b.Append("\\n"); break;
                case '\r': b.Append("\\r"); break;
                case '\t': b.Append("\\t"); break;
                default:
                    var loneSurrogate = (char.IsHighSurrogate(c) && (i + 1 >= s.Length || !char.IsLowSurrogate(s[i + 1])))
                                        || (char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(s[i - 1])));
                    if (c < ' ' || loneSurrogate)
                    {
                        b.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        b.Append(c);
                    }

                    break;
            }
        }

        b.Append('"');
    }
}
