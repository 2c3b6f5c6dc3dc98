using System.Text.RegularExpressions;
using NotebookRunner.Documents;

namespace NotebookRunner.Site;

/// <summary>Estimated reading time of a lesson: prose at 200 words a minute, code at 20 lines a minute (code is read, not skimmed).</summary>
internal static partial class ReadingTime
{
    public static int Minutes(NotebookDocument notebook)
    {
        var words = notebook.Cells.Where(c => c.Kind == CellKind.Markdown).Sum(c => Words().Count(c.Source));
        var codeLines = notebook.Cells.Where(c => c.Kind == CellKind.Code).Sum(c => c.Source.Split('\n').Count(l => l.Trim().Length > 0));
        return Math.Max(1, (int)Math.Ceiling(words / 200.0 + codeLines / 20.0));
    }

    [GeneratedRegex(@"\S+")]
    private static partial Regex Words();
}
