using System.Diagnostics;
using System.Globalization;
using NotebookRunner.Documents;

namespace NotebookRunner.Execution.Engines.Roslyn;

/// <summary>
/// Runs one cell the way the kernel does: package lines first (hoisted), then each section in order
/// (C# through Roslyn, <c>#!html</c>, <c>#!markdown</c>, <c>#!import</c>), then the <c>#!time</c> display.
/// Outputs go to the calling flow's cell sink; the first failure ends the cell.
/// </summary>
internal sealed class CellInterpreter(ScriptSession session, PackageRestorer packages)
{
    private const int MaxImportDepth = 8;

    /// <summary>Runs <paramref name="source"/> whose first section targets <paramref name="kernelName"/>.</summary>
    /// <param name="source">The cell text.</param>
    /// <param name="kernelName">The kernel from the cell's metadata; null for C#.</param>
    /// <param name="filePath">The name stack traces and diagnostics use for this code.</param>
    public Task<CellOutcome> RunAsync(string source, string? kernelName, string filePath) => RunAsync(source, kernelName, filePath, 0);

    private async Task<CellOutcome> RunAsync(string source, string? kernelName, string filePath, int depth)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            var cell = CellSectionParser.Parse(source, kernelName);
            cell.Sources.ToList().ForEach(packages.AddSource);
            if (cell.Packages.Count > 0)
            {
                var restored = await packages.RestoreAsync(cell.Packages).ConfigureAwait(false);
                session.AddPackages(restored);
                DisplayedValue.Show(restored.Display, [.. restored.Display.Select(d => d.Key)]);
            }

            foreach (var section in cell.Sections)
            {
                var outcome = section.Kind switch
                {
                    SectionKind.CSharp => await RunCSharpAsync(section.CodeWithCellLines(), filePath).ConfigureAwait(false),
                    SectionKind.Import => await ImportAsync(section.Argument!, depth).ConfigureAwait(false),
                    SectionKind.Html => Show("text/html", string.Join('\n', section.Lines)),
                    _ => Show("text/html", MarkdownRenderer.ToHtml(string.Join('\n', section.Lines))),
                };
                if (outcome != CellOutcome.Passed)
                {
                    return outcome;
                }
            }

            if (cell.Timed)
            {
                Show("text/plain", string.Create(CultureInfo.InvariantCulture, $"Wall time: {watch.Elapsed.TotalMilliseconds}ms"));
            }

            return CellOutcome.Passed;
        }
        catch (CellRejectedException e)
        {
            return CellOutcome.Failed(e.Message);
        }
    }

    private async Task<CellOutcome> RunCSharpAsync(string code, string filePath)
    {
        var submission = session.Compile(code, filePath);
        if (submission.CompileErrors is { } errors)
        {
            return CellOutcome.Failed(errors);
        }

        var result = await session.RunAsync(submission).ConfigureAwait(false);
        if (result.Exception is { } exception)
        {
            return CellOutcome.Failed(exception.ToString(), exception.GetType().FullName);
        }

        // A trailing x.Display() returns its handle; the kernel's hosts drop that value rather than show it twice.
        if (result.HasReturnValue && result.ReturnValue is not DisplayedValue)
        {
            DisplayedValue.Show(result.ReturnValue, []);
        }

        return CellOutcome.Passed;
    }

    private async Task<CellOutcome> ImportAsync(string path, int depth)
    {
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            return CellOutcome.Failed($"#!import: file not found: {fullPath}");
        }

        if (depth >= MaxImportDepth)
        {
            return CellOutcome.Failed($"#!import: {fullPath} is nested more than {MaxImportDepth} imports deep (does it import itself?)");
        }

        switch (Path.GetExtension(fullPath).ToLowerInvariant())
        {
            case ".cs" or ".csx":
                return await RunCSharpAsync(await File.ReadAllTextAsync(fullPath).ConfigureAwait(false), fullPath).ConfigureAwait(false);
            case ".ipynb" or ".dib":
                NotebookDocument imported;
                try
                {
                    imported = NotebookReader.Read(fullPath);
                }
                catch (NotebookFormatException e)
                {
                    return CellOutcome.Failed($"#!import: {e.Message}");
                }

                foreach (var cell in imported.Cells.Where(c => c.Kind != CellKind.Raw))
                {
                    var outcome = cell.Kind == CellKind.Markdown
                        ? Show("text/markdown", cell.Source)
                        : await RunAsync(cell.Source, cell.KernelName, $"{fullPath}#cell{cell.Index + 1}.csx", depth + 1).ConfigureAwait(false);
                    if (outcome != CellOutcome.Passed)
                    {
                        return outcome with { Message = $"#!import {path}, cell {cell.Index + 1}:{Environment.NewLine}{outcome.Message}" };
                    }
                }

                return CellOutcome.Passed;
            default:
                return CellOutcome.Failed($"#!import: {fullPath}: only .ipynb, .dib, .cs and .csx files can be imported by this runner");
        }
    }

    private static CellOutcome Show(string mimeType, string content)
    {
        DisplayedValue.Show([new(mimeType, content)], [mimeType]);
        return CellOutcome.Passed;
    }
}
