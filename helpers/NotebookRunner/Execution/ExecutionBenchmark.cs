using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using NotebookRunner.Documents;

namespace NotebookRunner.Execution;

/// <summary>
/// Measures, in one run, the runner's engine, the real-kernel engine and dotnet-repl 0.3.259 (the peer, installed as a tool
/// into a temporary folder): cold start to the first cell's result, the median trivial cell, the whole process on a small
/// notebook of 8 cells, and that process tree's peak memory. Goals: the runner's engine at most 0.5× dotnet-repl's whole
/// process and a cold start of at most 0.8 s; the real-kernel engine no slower than dotnet-repl.
/// </summary>
public static class ExecutionBenchmark
{
    private const int TrivialCells = 40;
    private const string PeerVersion = "0.3.259";

    private static readonly string[] SmallNotebook =
    [
        "var words = new List<string> { \"async\", \"await\", \"task\" };\nwords.Count",
        "Console.WriteLine(string.Join(\", \", words));",
        "await Task.Delay(10);\n\"waited\"",
        "record Point(int X, int Y);\nnew Point(1, 2).ToString()",
        "var total = Enumerable.Range(1, 1000).Where(i => i % 3 == 0).Sum();\ntotal",
        "var tasks = Enumerable.Range(0, 4).Select(async i => { await Task.Yield(); return i * i; });\n(await Task.WhenAll(tasks)).Sum()",
        "display(\"shown\");",
        "$\"{words[0]} and {total}\"",
    ];

    /// <summary>Runs the measurements in a temporary folder and prints a table to <paramref name="output"/>.</summary>
    /// <param name="output">Where the table is written.</param>
    public static async Task RunAsync(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var folder = Directory.CreateTempSubdirectory("nbrun-bench-").FullName;
        try
        {
            var small = WriteNotebook(Path.Combine(folder, "small.ipynb"), SmallNotebook);
            var one = WriteNotebook(Path.Combine(folder, "one.ipynb"), ["1 + 2"]);
            var trivial = WriteNotebook(Path.Combine(folder, "trivial.ipynb"),
                ["1 + 2", .. Enumerable.Range(1, TrivialCells).Select(i => $"var v{i} = {i};\nv{i} * 2")]);
            var peer = await InstallPeerAsync().ConfigureAwait(false);

            var columns = new List<(string Name, Figures Figures)>();
            foreach (var (engine, name) in new[] { (KernelEngine.Roslyn, "runner (roslyn)"), (KernelEngine.DotnetInteractive, "runner (dotnet-interactive)") })
            {
                var (cold, median) = await InProcessAsync(trivial, engine).ConfigureAwait(false);
                var (whole, peak) = await WholeProcessAsync(DotnetHost.Path,
                    [typeof(ExecutionBenchmark).Assembly.Location, "run", small, "--kernel", engine == KernelEngine.Roslyn ? "roslyn" : "dotnet-interactive",
                     "--output-dir", Path.Combine(folder, "out-" + engine)]).ConfigureAwait(false);
                columns.Add((name, new Figures(cold, median, whole, peak)));
            }

            // dotnet-repl reports nothing per cell: its cold start is a whole process on one cell, its cell time the
            // difference between the trivial notebook and that, per cell (a mean, not a median).
            string[] Repl(string notebook) => ["--run", notebook, "--exit-after-run", "--output-path", Path.Combine(folder, "repl-" + Path.GetFileName(notebook))];
            var (replOne, _) = await WholeProcessAsync(peer, Repl(one)).ConfigureAwait(false);
            var (replTrivial, _) = await WholeProcessAsync(peer, Repl(trivial)).ConfigureAwait(false);
            var (replSmall, replPeak) = await WholeProcessAsync(peer, Repl(small)).ConfigureAwait(false);
            columns.Add(($"dotnet-repl {PeerVersion}", new Figures(replOne, (replTrivial - replOne) / TrivialCells, replSmall, replPeak)));

            Print(output, columns);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private sealed record Figures(TimeSpan ColdStart, TimeSpan MedianCell, TimeSpan WholeProcess, long PeakBytes);

    private static void Print(TextWriter output, List<(string Name, Figures Figures)> columns)
    {
        string Row(string label, Func<Figures, string> cell) =>
            $"{label,-42}" + string.Concat(columns.Select(c => $"{cell(c.Figures),30}"));
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine($"{"",-42}" + string.Concat(columns.Select(c => $"{c.Name,30}")));
        output.WriteLine(Row("cold start to the first cell's result", f => string.Create(inv, $"{f.ColdStart.TotalSeconds:0.00} s")));
        output.WriteLine(Row($"median trivial cell (of {TrivialCells})", f => string.Create(inv, $"{f.MedianCell.TotalMilliseconds:0.0} ms")));
        output.WriteLine(Row($"whole process, {SmallNotebook.Length}-cell notebook", f => string.Create(inv, $"{f.WholeProcess.TotalSeconds:0.00} s")));
        output.WriteLine(Row("peak memory of that process tree", f => string.Create(inv, $"{f.PeakBytes / (1024.0 * 1024):0} MB")));
        var peer = columns[^1].Figures.WholeProcess.TotalSeconds;
        var (roslyn, kernel) = (columns[0].Figures.WholeProcess.TotalSeconds / peer, columns[1].Figures.WholeProcess.TotalSeconds / peer);
        output.WriteLine(string.Create(inv, $"whole process / dotnet-repl's: roslyn {roslyn:0.00}x (goal <= 0.5), dotnet-interactive {kernel:0.00}x (goal <= 1)"));
        output.WriteLine("roslyn cold start goal <= 0.8 s. dotnet-repl's cold start is a whole process on one cell, its cell time a mean.");
        output.WriteLine("The figures come from one run on whatever else the machine is doing: compare the ratios, not times from other runs.");
    }

    /// <summary>Cold start (worker start to the first cell's result) and the median trivial cell, with the executor in this process.</summary>
    private static async Task<(TimeSpan Cold, TimeSpan Median)> InProcessAsync(string notebook, KernelEngine engine)
    {
        var cells = NotebookReader.Read(notebook).Cells;
        var clock = Stopwatch.StartNew();
        var firstResult = TimeSpan.Zero;
        var progress = new SynchronousProgress(p =>
        {
            if (p is { CellIndex: 0, Started: false })
            {
                firstResult = clock.Elapsed;
            }
        });
        var result = await NotebookExecutor.RunAsync(notebook, cells, new ExecutionOptions { Kernel = engine }, progress, CancellationToken.None)
            .ConfigureAwait(false);
        if (result.Cells.FirstOrDefault(c => c.Status != CellStatus.Passed) is { } failed)
        {
            throw new InvalidOperationException($"Benchmark cell {failed.CellIndex + 1} did not pass on {engine}: {failed.FailureMessage}");
        }

        var perCell = result.Cells.Skip(1).Select(c => c.Elapsed).Order().ToList();
        return (firstResult, perCell[perCell.Count / 2]);
    }

    /// <summary>
    /// Wall time of a process from start to exit, and the peak resident memory of its process tree (sampled), run in the
    /// current folder, where the real kernel's tool manifest is found.
    /// </summary>
    private static async Task<(TimeSpan Wall, long PeakBytes)> WholeProcessAsync(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var drain = Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        long peak = 0;
        while (!process.HasExited)
        {
            peak = Math.Max(peak, ProcessTree.ResidentBytes(process.Id));
            await Task.Delay(20).ConfigureAwait(false);
        }

        var wall = clock.Elapsed;
        var texts = await drain.ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {texts[0]}{texts[1]}");
        }

        return (wall, peak);
    }

    /// <summary>dotnet-repl, installed once per machine into a temporary folder with <c>dotnet tool install --tool-path</c>.</summary>
    private static async Task<string> InstallPeerAsync()
    {
        var toolPath = Path.Combine(Path.GetTempPath(), $"nbrun-bench-dotnet-repl-{PeerVersion}");
        var executable = Path.Combine(toolPath, OperatingSystem.IsWindows() ? "dotnet-repl.exe" : "dotnet-repl");
        if (!File.Exists(executable))
        {
            await WholeProcessAsync(DotnetHost.Path, ["tool", "install", "dotnet-repl", "--version", PeerVersion, "--tool-path", toolPath]).ConfigureAwait(false);
        }

        return executable;
    }

    private static string WriteNotebook(string path, IEnumerable<string> sources)
    {
        var cells = new JsonArray();
        foreach (var source in sources)
        {
            cells.Add(new JsonObject
            {
                ["cell_type"] = "code", ["execution_count"] = null, ["metadata"] = new JsonObject(), ["outputs"] = new JsonArray(),
                ["source"] = OutputJson.Lines(source),
            });
        }

        var notebook = new JsonObject
        {
            ["cells"] = cells,
            ["metadata"] = new JsonObject
            {
                ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
                ["language_info"] = new JsonObject { ["name"] = "polyglot-notebook" },
            },
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        File.WriteAllText(path, notebook.ToJsonString());
        return path;
    }

    /// <summary>Reports on the calling thread; <see cref="Progress{T}"/> would post to the thread pool and race the clock.</summary>
    private sealed class SynchronousProgress(Action<CellProgress> report) : IProgress<CellProgress>
    {
        public void Report(CellProgress value) => report(value);
    }
}
