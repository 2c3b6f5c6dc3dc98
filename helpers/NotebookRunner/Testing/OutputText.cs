using System.Text;
using NotebookRunner.Documents;

namespace NotebookRunner.Testing;

/// <summary>Renders a cell's outputs as the text that is sanitized, compared and shown in diffs.</summary>
/// <remarks>
/// Streams of the same name are merged and CRLF becomes LF (a Windows kernel writes <c>\r\n</c>); a display shows its
/// <c>text/plain</c> form when it has one; an error shows its message lines, not its stack trace, which names
/// compiler-generated submission types that change from run to run.
/// </remarks>
internal static class OutputText
{
    public static string Render(IReadOnlyList<CellOutput> outputs)
    {
        var text = new StringBuilder();
        string? openStream = null;
        foreach (var output in outputs)
        {
            if (output is StreamOutput stream && stream.Name == openStream)
            {
                text.Append(Normalize(stream.Text));
                continue;
            }

            EndBlock(text);
            openStream = (output as StreamOutput)?.Name;
            switch (output)
            {
                case StreamOutput s:
                    text.Append('[').Append(s.Name).Append("]\n").Append(Normalize(s.Text));
                    break;
                case DisplayOutput d:
                    var shown = d.Data.FirstOrDefault(p => p.Key == "text/plain") is { Key: not null } plain ? plain
                              : d.Data.OrderBy(p => p.Key, StringComparer.Ordinal).FirstOrDefault();
                    text.Append("[display ").Append(shown.Key).Append("]\n").Append(Normalize(shown.Value ?? ""));
                    break;
                case ErrorOutput e:
                    text.Append("[error]\n");
                    foreach (var line in Normalize(e.EValue).Split('\n').TakeWhile(l => !l.TrimStart().StartsWith("at ", StringComparison.Ordinal)))
                    {
                        text.Append(line).Append('\n');
                    }

                    break;
            }
        }

        EndBlock(text);
        return text.ToString();
    }

    /// <summary>The sequence of output kinds, one per line (<c>stdout</c>, <c>display text/html text/plain</c>, <c>error</c>).</summary>
    public static string Kinds(IReadOnlyList<CellOutput> outputs)
    {
        var kinds = new List<string>();
        foreach (var output in outputs)
        {
            var kind = output switch
            {
                StreamOutput s => s.Name,
                DisplayOutput d => "display " + string.Join(' ', d.Data.Select(p => p.Key).Order(StringComparer.Ordinal)),
                _ => "error",
            };
            if (kinds.Count == 0 || kinds[^1] != kind || output is not StreamOutput)
            {
                kinds.Add(kind);
            }
        }

        return string.Concat(kinds.Select(k => k + "\n"));
    }

    /// <summary>The text a <see cref="OutputMode.Pattern"/> directive is matched against: streams and plain-text displays, in order.</summary>
    public static string PlainText(IReadOnlyList<CellOutput> outputs) =>
        string.Concat(outputs.Select(o => o switch
        {
            StreamOutput s => Normalize(s.Text),
            DisplayOutput d => d.Data.Where(p => p.Key == "text/plain").Select(p => Normalize(p.Value) + "\n").FirstOrDefault() ?? "",
            ErrorOutput e => Normalize(e.EValue) + "\n",
            _ => "",
        }));

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    // Every block ends with a newline, so "no trailing newline" does not show up as a difference of the next block.
    private static void EndBlock(StringBuilder text)
    {
        if (text.Length > 0 && text[^1] != '\n')
        {
            text.Append('\n');
        }
    }
}
