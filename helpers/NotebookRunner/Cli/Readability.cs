using System.Globalization;
using System.Text.RegularExpressions;
using NotebookRunner.Documents;

namespace NotebookRunner.Cli;

/// <summary>
/// The lessons' readability yardstick: code cells, lines per code cell (median, max), lines over 110 characters and lines
/// that parse Python's JSON by hand (JsonElement's members, PythonResult's untyped accessors), with every place that misses a target. Targets: median ≤ 12 lines, no code cell over
/// 30 lines (except a first cell of imports), no line over 110 characters, no hand-parsed JSON.
/// </summary>
internal sealed partial record Readability(string Path, int CodeCells, double MedianLines, int MaxLines, int LongLines, int JsonLines,
                                           IReadOnlyList<string> Violations)
{
    public const int MedianTarget = 12;
    public const int CellTarget = 30;
    public const int WidthTarget = 110;

    /// <summary>Measures a notebook's code cells. A cell's lines are its source lines, trailing blank lines left out.</summary>
    public static Readability Of(NotebookDocument document)
    {
        var cells = document.CodeCells.Select(c => (Cell: c, Lines: c.Source.TrimEnd().Split('\n'))).ToList();
        var counts = cells.Select(c => c.Lines.Length).Order().ToList();
        var violations = new List<string>();
        var median = counts.Count == 0 ? 0 : counts.Count % 2 == 1 ? counts[counts.Count / 2] : (counts[counts.Count / 2 - 1] + counts[counts.Count / 2]) / 2.0;
        if (median > MedianTarget)
        {
            violations.Add(Invariant($"median {median:0.#} lines per code cell (target ≤ {MedianTarget})"));
        }

        var (longLines, jsonLines) = (0, 0);
        foreach (var (cell, lines, first) in cells.Select((c, i) => (c.Cell, c.Lines, i == 0)))
        {
            var where = $"cell {cell.Index + 1}";
            if (lines.Length > CellTarget && !(first && lines.All(IsImport)))
            {
                violations.Add(Invariant($"{where}: {lines.Length} lines (target ≤ {CellTarget})"));
            }

            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].Length > WidthTarget)
                {
                    longLines++;
                    violations.Add(Invariant($"{where}, line {i + 1}: {lines[i].Length} characters (target ≤ {WidthTarget})"));
                }

                if (HandParsedJson().IsMatch(lines[i]) && !lines[i].TrimStart().StartsWith("using ", StringComparison.Ordinal))
                {
                    jsonLines++;
                    violations.Add($"{where}, line {i + 1}: JSON parsed by hand (use Python.RunAsync<T>): {lines[i].Trim()}");
                }
            }
        }

        return new Readability(document.Path, counts.Count, median, counts.Count == 0 ? 0 : counts[^1], longLines, jsonLines, violations);
    }

    /// <summary><c>path: N code cells, lines per cell median M, max X; L lines over 110 characters; J hand-parsed JSON lines</c>.</summary>
    public string Summary() => Invariant(
        $"{Path}: {CodeCells} code cells, lines per cell median {MedianLines:0.#}, max {MaxLines}; {LongLines} lines over {WidthTarget} characters; {JsonLines} hand-parsed JSON lines");

    // A setup cell may be long only when it holds nothing but references, imports, directives and comments.
    private static bool IsImport(string line) =>
        line.Trim() is var t && (t.Length == 0 || t.StartsWith("using ", StringComparison.Ordinal) || t.StartsWith('#') || t.StartsWith("//", StringComparison.Ordinal));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    // JsonElement's own members and PythonResult's untyped accessors; `using System.Text.Json;` lines are not counted.
    [GeneratedRegex(@"GetProperty|JsonElement|JsonDocument|\.Json\b|\.Get(Double|Int32|Int64|Boolean|Decimal)\(\)|Enumerate(Array|Object)\(\)|ValueKind|\.Number\(""")]
    private static partial Regex HandParsedJson();
}
