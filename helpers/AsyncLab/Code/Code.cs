namespace AsyncLab;

/// <summary>
/// Shows code in a lesson: a region of a companion Python script, a C# snippet, or the two side by side. The result
/// renders as highlighted HTML (with a plain-text alternative) when it is a cell's last expression.
/// </summary>
/// <example>
/// <code>
/// Code.SideBySide(Code.Python("py/05_visit_url.py", "visit_url"),
///                 Code.CSharp("await Task.WhenAll(VisitUrlAsync(\"a\", 2), VisitUrlAsync(\"b\", 3));", "C#"))
/// </code>
/// </example>
public static class Code
{
    /// <summary>
    /// The region <paramref name="region"/> of a script: the lines between <c># region: name</c> and <c># endregion</c>,
    /// without the marker lines, dedented. <paramref name="scriptPath"/> is relative to the working directory (the
    /// notebook's folder), e.g. <c>"py/03_downloads.py"</c>.
    /// </summary>
    /// <exception cref="FileNotFoundException">The script is missing; the message names the script and the region.</exception>
    /// <exception cref="KeyNotFoundException">The region is missing; the message names the script, the region and those it has.</exception>
    /// <exception cref="FormatException">The script's region markers are malformed; the message gives file and line.</exception>
    public static CodeBlock Python(string scriptPath, string region) =>
        new(CodeLanguage.Python, PythonRegions.Read(scriptPath, region), $"Python · {scriptPath.Replace('\\', '/')} · {region}");

    /// <summary>A C# snippet, shown as written (trailing blank lines trimmed), under <paramref name="caption"/> (default "C#").</summary>
    public static CodeBlock CSharp(string source, string? caption = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new(CodeLanguage.CSharp, source.ReplaceLineEndings("\n").TrimEnd(), caption ?? "C#");
    }

    /// <summary>Two blocks in two columns (stacked when the output is narrow), e.g. the article's Python beside the C#.</summary>
    public static CodeSideBySide SideBySide(CodeBlock left, CodeBlock right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return new(left, right);
    }
}
