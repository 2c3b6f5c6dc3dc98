using NotebookRunner.Documents;

namespace NotebookRunner.Execution.Engines.Roslyn;

/// <summary>What a section of a cell is for.</summary>
internal enum SectionKind
{
    /// <summary>C# code, submitted to Roslyn.</summary>
    CSharp,
    /// <summary>Markup shown as <c>text/html</c> (<c>#!html</c>).</summary>
    Html,
    /// <summary>Markdown: rendered to HTML in a code cell, shown as <c>text/markdown</c> when imported from a document.</summary>
    Markdown,
    /// <summary><c>#!import file</c>.</summary>
    Import,
}

/// <summary>A part of a cell between kernel selectors. <see cref="FirstLine"/> is 0-based within the cell.</summary>
internal sealed record CellSection(SectionKind Kind, int FirstLine, IReadOnlyList<string> Lines, string? Argument = null)
{
    /// <summary>The section's text with every line before it left empty, so Roslyn reports lines of the cell.</summary>
    public string CodeWithCellLines() => new string('\n', FirstLine) + string.Join('\n', Lines);
}

/// <summary>A cell split at its magic commands, with the package lines hoisted out of the C#.</summary>
internal sealed record CellSections(IReadOnlyList<CellSection> Sections, bool Timed, IReadOnlyList<string> Packages, IReadOnlyList<string> Sources);

/// <summary>A cell that cannot run as written; it fails before any of its code runs.</summary>
internal sealed class CellRejectedException(string message) : Exception(message);

/// <summary>
/// Splits a cell at its <c>#!</c> lines the way the kernel's parser does: magics start at column 0 and take a line;
/// an unknown magic or a section for another kernel rejects the whole cell before anything runs.
/// </summary>
internal static class CellSectionParser
{
    private static readonly HashSet<string> CSharpNames = new(StringComparer.Ordinal) { "csharp", "c#", "C#" };
    private static readonly HashSet<string> OtherKernels = new(StringComparer.OrdinalIgnoreCase)
    {
        "fsharp", "f#", "pwsh", "powershell", "javascript", "js", "mermaid", "sql", "kql", "http", "value", "connect", "python", "r",
    };

    /// <summary>Parses <paramref name="source"/>, whose first section targets <paramref name="kernelName"/>.</summary>
    /// <param name="source">The cell text.</param>
    /// <param name="kernelName">The cell's kernel from its metadata (null means C#).</param>
    public static CellSections Parse(string source, string? kernelName)
    {
        var lines = source.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var sections = new List<CellSection>();
        var packages = new List<string>();
        var sources = new List<string>();
        var timed = false;
        var kind = KindOf(kernelName ?? "csharp", "the cell", 0);
        var start = 0;
        var body = new List<string>();

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (kind == SectionKind.CSharp && PackageDirective.TryParse(line, out var isSource, out var value))
            {
                (isSource ? sources : packages).Add(value);
                body.Add("");
                continue;
            }

            if (i == 0 && kind == SectionKind.Markdown && KernelNames.FromSelectorLine(line) == KernelNames.Markdown)
            {
                start = 1; // The selector that made the cell markdown is not part of the text.
                continue;
            }

            if (!line.StartsWith("#!", StringComparison.Ordinal) || kind == SectionKind.Markdown)
            {
                body.Add(line);
                continue;
            }

            var words = line[2..].Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var magic = words.Length > 0 ? words[0] : "";
            if (magic == "time")
            {
                timed = true;
                body.Add("");
                continue;
            }

            Close();
            if (magic == "import")
            {
                var path = words.Length > 1 ? words[1].Replace("--file", "", StringComparison.Ordinal).Trim().Trim('"') : "";
                if (path.Length == 0)
                {
                    throw new CellRejectedException($"(line {i + 1}) #!import needs a file: #!import path/to/file.ipynb");
                }

                sections.Add(new CellSection(SectionKind.Import, i, [], path));
                kind = SectionKind.CSharp;
            }
            else
            {
                kind = KindOf(magic, $"#!{magic}", i + 1);
            }

            start = i + 1;
        }

        Close();
        return new CellSections(sections, timed, packages, sources);

        void Close()
        {
            if (body.Any(l => l.Trim().Length > 0))
            {
                sections.Add(new CellSection(kind, start, [.. body]));
            }

            body.Clear();
        }
    }

    /// <summary>The section kind a kernel name or magic selects; <paramref name="line"/> (1-based, 0 for metadata) goes into the kernel's error.</summary>
    private static SectionKind KindOf(string name, string shownAs, int line)
    {
        if (CSharpNames.Contains(name))
        {
            return SectionKind.CSharp;
        }

        return name switch
        {
            "html" => SectionKind.Html,
            "markdown" or "md" => SectionKind.Markdown,
            _ when OtherKernels.Contains(name) =>
                throw new CellRejectedException($"This runner executes C# only; {shownAs} targets the '{name}' kernel, which it cannot run."),
            _ => throw new CellRejectedException($"({line},1): error DNI101: Unknown magic command '{shownAs}'"),
        };
    }
}

/// <summary>The <c>#r "nuget: ..."</c> and <c>#i "nuget: ..."</c> lines, which the kernel handles before the C#.</summary>
internal static class PackageDirective
{
    /// <summary>True when <paramref name="line"/> is a package (<c>#r</c>) or source (<c>#i</c>) line; <paramref name="value"/> is what follows <c>nuget:</c>.</summary>
    public static bool TryParse(string line, out bool isSource, out string value)
    {
        isSource = line.StartsWith("#i ", StringComparison.Ordinal);
        value = "";
        if (!isSource && !line.StartsWith("#r ", StringComparison.Ordinal))
        {
            return false;
        }

        var argument = line[3..].Trim(' ', '\t', '"');
        if (!argument.StartsWith("nuget:", StringComparison.Ordinal))
        {
            return false;
        }

        value = argument["nuget:".Length..].Trim();
        return true;
    }
}
