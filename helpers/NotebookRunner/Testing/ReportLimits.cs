using System.Globalization;

namespace NotebookRunner.Testing;

/// <summary>
/// The bounds that keep a report readable whatever a cell printed or threw: a cell that writes megabytes, an exception
/// message megabytes long, a notebook of ten thousand cells. The README's "Limits" section lists them.
/// </summary>
internal static class ReportLimits
{
    /// <summary>Characters shown of any one line (output, diff, failure, source); the rest is counted, not shown.</summary>
    public const int LineChars = 240;

    /// <summary>Characters shown of a line of a failure message, which explains the cause and is worth a longer line.</summary>
    public const int FailureLineChars = 1000;

    /// <summary>Lines of a failure message shown (a compile error lists several; a stack trace is already cut off).</summary>
    public const int FailureLines = 20;

    /// <summary>Characters of a failure message shown in all.</summary>
    public const int FailureChars = 4 * 1024;

    /// <summary>Last lines of a failed cell's output shown in <c>run</c> mode.</summary>
    public const int OutputTailLines = 10;

    /// <summary>Lines of one cell's diff shown in <c>check</c> mode.</summary>
    public const int DiffLines = 60;

    /// <summary>Characters of one cell's diff shown in <c>check</c> mode.</summary>
    public const int DiffChars = 8 * 1024;

    /// <summary>Failing cells of one report described in full; the next ones get their first line only.</summary>
    public const int DetailedCells = 20;

    /// <summary>Failing cells of one report listed by their first line after the detailed ones; the rest are counted.</summary>
    public const int ListedCells = 100;

    /// <summary>Cell lines a progress display prints per notebook; later cells are counted in the notebook's final line.</summary>
    public const int DisplayedCells = 100;

    /// <summary>The line, cut at <see cref="LineChars"/> with the number of characters left out.</summary>
    public static string Clip(string line, int max = LineChars) =>
        line.Length <= max ? line : string.Create(CultureInfo.InvariantCulture, $"{line[..max]}… ({line.Length - max:N0} more characters)");

    /// <summary>At most <paramref name="maxLines"/> clipped lines and about <paramref name="maxChars"/> characters from the start; how many lines were left out.</summary>
    public static (List<string> Shown, int LeftOut) Head(IReadOnlyList<string> lines, int maxLines, int maxChars = int.MaxValue, int lineChars = LineChars)
    {
        var shown = new List<string>();
        var chars = 0;
        foreach (var line in lines)
        {
            var clipped = Clip(line, lineChars);
            if (shown.Count == maxLines || chars + clipped.Length > maxChars)
            {
                break;
            }

            shown.Add(clipped);
            chars += clipped.Length + 1;
        }

        return (shown, lines.Count - shown.Count);
    }

    /// <summary>The number with thousands separators, as the reports print counts.</summary>
    public static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
