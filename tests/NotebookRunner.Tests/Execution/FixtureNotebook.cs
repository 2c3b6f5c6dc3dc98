using System.Text.Json.Nodes;
using NotebookRunner.Documents;
using NotebookRunner.Execution;

namespace NotebookRunner.Tests.Execution;

/// <summary>
/// Runs the execution fixture notebooks. Each run works on a fresh copy of <c>Fixtures/execution</c> in a temporary
/// folder (the notebook's folder is the working directory), so runs never write into the source tree.
/// A cell's <c>notebook_runner.timeout</c> metadata (seconds) becomes its timeout.
/// </summary>
internal static class FixtureNotebook
{
    private static readonly Lazy<string> SourceFolder = new(FindSourceFolder);

    /// <summary>The path of fixture <paramref name="name"/> in the source tree (read it, never run it there).</summary>
    public static string SourcePath(string name) => Path.Combine(SourceFolder.Value, name);

    /// <summary>Copies the fixtures to a new temporary folder and returns it.</summary>
    public static string CopyFixtures()
    {
        var target = Directory.CreateTempSubdirectory("nbrun-fixtures-").FullName;
        foreach (var file in Directory.EnumerateFiles(SourceFolder.Value, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(SourceFolder.Value, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        return target;
    }

    /// <summary>Reads the cells of a fixture notebook (enough of the format for these tests).</summary>
    public static List<NotebookCell> ReadCells(string path)
    {
        var cells = JsonNode.Parse(File.ReadAllText(path))!["cells"]!.AsArray();
        return [.. cells.Select((cell, index) => new NotebookCell
        {
            Index = index,
            Kind = cell!["cell_type"]!.GetValue<string>() == "code" ? CellKind.Code : CellKind.Markdown,
            Source = string.Concat(cell["source"]!.AsArray().Select(line => line!.GetValue<string>())),
            KernelName = cell["metadata"]?["polyglot_notebook"]?["kernelName"]?.GetValue<string>(),
            Metadata = cell["metadata"]!.AsObject().DeepClone().AsObject(),
        })];
    }

    /// <summary>Runs fixture <paramref name="name"/> from <paramref name="folder"/> (a copy made by <see cref="CopyFixtures"/>).</summary>
    public static Task<NotebookRunResult> RunAsync(string folder, string name, ExecutionOptions? options = null)
    {
        var path = Path.Combine(folder, name);
        var given = options ?? new ExecutionOptions();
        var withTimeouts = given with
        {
            CellSettings = cell =>
            {
                var settings = given.CellSettings(cell);
                return settings with { Timeout = TimeoutOf(cell) ?? settings.Timeout };
            },
        };
        return NotebookExecutor.RunAsync(path, ReadCells(path), withTimeouts, progress: null, CancellationToken.None);
    }

    /// <summary>Copies the fixtures, runs one notebook from the copy on <paramref name="engine"/>, and deletes the copy.</summary>
    public static Task<NotebookRunResult> RunFreshAsync(string name, KernelEngine engine, ExecutionOptions? options = null) =>
        RunFreshAsync(name, (options ?? new ExecutionOptions()) with { Kernel = engine });

    /// <summary>Copies the fixtures, runs one notebook from the copy, and deletes the copy.</summary>
    public static async Task<NotebookRunResult> RunFreshAsync(string name, ExecutionOptions? options = null)
    {
        var folder = CopyFixtures();
        try
        {
            return await RunAsync(folder, name, options);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static TimeSpan? TimeoutOf(NotebookCell cell) =>
        cell.Metadata["notebook_runner"]?["timeout"]?.GetValue<double>() is { } seconds ? TimeSpan.FromSeconds(seconds) : null;

    private static string FindSourceFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "Fixtures", "execution");
            if (File.Exists(Path.Combine(candidate, "behaviours.ipynb")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"Fixtures/execution not found above {AppContext.BaseDirectory}");
    }
}

/// <summary>Reading a cell's outputs in assertions.</summary>
internal static class CellResultExtensions
{
    /// <summary>All text written to <paramref name="stream"/>.</summary>
    public static string Text(this CellRunResult result, string stream = StreamOutput.StandardOutput) =>
        string.Concat(result.Outputs.OfType<StreamOutput>().Where(o => o.Name == stream).Select(o => o.Text));

    /// <summary>The displays, in order.</summary>
    public static List<DisplayOutput> Displays(this CellRunResult result) => [.. result.Outputs.OfType<DisplayOutput>()];

    /// <summary>The content of <paramref name="mimeType"/> in the display at <paramref name="index"/>.</summary>
    public static string Display(this CellRunResult result, string mimeType, int index = 0) =>
        result.Displays()[index].Data.Single(d => d.Key == mimeType).Value;

    /// <summary>
    /// The value shown by the display at <paramref name="index"/> as text: its <c>text/plain</c> form (strings), or the
    /// text inside the kernel's HTML for a scalar (<c>&lt;div class="dni-plaintext"&gt;&lt;pre&gt;2&lt;/pre&gt;&lt;/div&gt;</c>).
    /// </summary>
    public static string Shown(this CellRunResult result, int index = 0)
    {
        var data = result.Displays()[index].Data;
        if (data.FirstOrDefault(d => d.Key == "text/plain") is { Key: not null } plain)
        {
            return plain.Value;
        }

        var html = data.Single(d => d.Key == "text/html").Value;
        var match = System.Text.RegularExpressions.Regex.Match(html, "^<div class=\"dni-plaintext\"><pre>(.*?)</pre></div>", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.True(match.Success, $"not a plain-text value: {html}");
        return System.Net.WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>The single error output.</summary>
    public static ErrorOutput Error(this CellRunResult result) => result.Outputs.OfType<ErrorOutput>().Single();
}
