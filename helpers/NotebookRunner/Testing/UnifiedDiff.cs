using System.Text;

namespace NotebookRunner.Testing;

/// <summary>
/// A line diff in unified format (<c>@@ -a,b +c,d @@</c>, three lines of context), from a longest-common-subsequence table
/// of the lines between the equal start and end, or a block replaced when that table would be too large.
/// </summary>
internal static class UnifiedDiff
{
    private const int Context = 3;

    /// <summary>Largest comparison table (lines × lines) built; about 16 MB. Larger changes are shown as a block replaced.</summary>
    private const long MaxTableCells = 4_000_000;

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
        // Equal lines at both ends need no table; what lies between is compared line by line when the table stays small.
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[^(suffix + 1)] == b[^(suffix + 1)])
        {
            suffix++;
        }

        var edits = new List<Edit>();
        for (var i = 0; i < prefix; i++)
        {
            edits.Add(new Edit(' ', a[i], i, i));
        }

        var (endA, endB) = (a.Length - suffix, b.Length - suffix);
        if ((long)(endA - prefix) * (endB - prefix) <= MaxTableCells)
        {
            Middle(a, b, prefix, endA, endB, edits);
        }
        else
        {
            // Megabytes of output on both sides: all old lines out, all new lines in. Still a correct diff, only not the shortest.
            edits.AddRange(Enumerable.Range(prefix, endA - prefix).Select(x => new Edit('-', a[x], x, prefix)));
            edits.AddRange(Enumerable.Range(prefix, endB - prefix).Select(y => new Edit('+', b[y], endA, y)));
        }

        for (var i = 0; i < suffix; i++)
        {
            edits.Add(new Edit(' ', a[endA + i], endA + i, endB + i));
        }

        return edits;
    }

    // The longest-common-subsequence edits of a[start..endA] and b[start..endB].
    private static void Middle(string[] a, string[] b, int start, int endA, int endB, List<Edit> edits)
    {
        // lcs[i, j] = length of the longest common subsequence of a[start + i..endA] and b[start + j..endB].
        var (n, m) = (endA - start, endB - start);
        var lcs = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
        {
            for (var j = m - 1; j >= 0; j--)
            {
                lcs[i, j] = a[start + i] == b[start + j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        int x = 0, y = 0;
        while (x < n || y < m)
        {
            if (x < n && y < m && a[start + x] == b[start + y])
            {
                edits.Add(new Edit(' ', a[start + x], start + x++, start + y++));
            }
            else if (x < n && (y == m || lcs[x + 1, y] >= lcs[x, y + 1]))
            {
                edits.Add(new Edit('-', a[start + x], start + x++, start + y));
            }
            else
            {
                edits.Add(new Edit('+', b[start + y], start + x, start + y++));
            }
        }
    }

    private sealed record Edit(char Kind, string Text, int LineA, int LineB);
}
