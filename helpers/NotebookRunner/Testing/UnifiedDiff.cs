using System.Text;

namespace NotebookRunner.Testing;

/// <summary>A line diff in unified format (<c>@@ -a,b +c,d @@</c>, three lines of context), from a longest-common-subsequence table.</summary>
internal static class UnifiedDiff
{
    private const int Context = 3;

    /// <summary>The diff of two texts, or null when they are equal; <paramref name="firstChangedLine"/> is the 1-based line of the first change in <paramref name="expected"/>.</summary>
    public static string? Create(string expected, string actual, string expectedLabel, string actualLabel, out int firstChangedLine)
    {
        firstChangedLine = 0;
        if (expected == actual)
        {
            return null;
        }

        var a = SplitLines(expected);
        var b = SplitLines(actual);
        var edits = Edits(a, b);
        firstChangedLine = edits.FindIndex(e => e.Kind != ' ') is var first && first >= 0 ? edits[first].LineA + 1 : 1;

        var text = new StringBuilder().Append("--- ").Append(expectedLabel).Append('\n').Append("+++ ").Append(actualLabel).Append('\n');
        var i = 0;
        while (i < edits.Count)
        {
            var change = edits.FindIndex(i, e => e.Kind != ' ');
            if (change < 0)
            {
                break;
            }

            // A hunk runs from the change, through changes closer than 2×context to each other, plus context on both ends.
            var start = Math.Max(i, change - Context);
            var end = change;
            while (true)
            {
                var next = edits.FindIndex(end + 1, e => e.Kind != ' ');
                var lastChange = next >= 0 && next - end <= 2 * Context ? next : -1;
                if (lastChange < 0)
                {
                    break;
                }

                end = lastChange;
            }

            end = Math.Min(edits.Count - 1, end + Context);
            var hunk = edits.GetRange(start, end - start + 1);
            var countA = hunk.Count(e => e.Kind != '+');
            var countB = hunk.Count(e => e.Kind != '-');
            text.Append("@@ -").Append(HunkStart(hunk[0].LineA, countA)).Append(',').Append(countA)
                .Append(" +").Append(HunkStart(hunk[0].LineB, countB)).Append(',').Append(countB).Append(" @@\n");
            foreach (var edit in hunk)
            {
                text.Append(edit.Kind).Append(edit.Text).Append('\n');
            }

            i = end + 1;
        }

        return text.ToString();
    }

    private static int HunkStart(int zeroBased, int count) => count == 0 ? zeroBased : zeroBased + 1;

    private static string[] SplitLines(string text) =>
        text.Length == 0 ? [] : text.TrimEnd('\n').Split('\n');

    private static List<Edit> Edits(string[] a, string[] b)
    {
        // lcs[i, j] = length of the longest common subsequence of a[i..] and b[j..].
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var edits = new List<Edit>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                edits.Add(new Edit(' ', a[x], x++, y++));
            }
            else if (x < a.Length && (y == b.Length || lcs[x + 1, y] >= lcs[x, y + 1]))
            {
                edits.Add(new Edit('-', a[x], x++, y));
            }
            else
            {
                edits.Add(new Edit('+', b[y], x, y++));
            }
        }

        return edits;
    }

    private sealed record Edit(char Kind, string Text, int LineA, int LineB);
}
