using System.Diagnostics;
using System.Globalization;
using NotebookRunner.Documents;

namespace NotebookRunner.Execution;

/// <summary>
/// Measures the runner on trivial cells: cold start (worker start to the first cell's result), the median time
/// per trivial cell, and the worker's working set after 200 cells. Goals: ≤ 0.8 s, ≤ 30 ms, ≤ 400 MB.
/// </summary>
public static class ExecutionBenchmark
{
    private const int TrivialCells = 200;

    /// <summary>Runs the measurement in a temporary folder and prints the figures to <paramref name="output"/>.</summary>
    /// <param name="output">Where the figures are written, one per line.</param>
    public static async Task RunAsync(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var folder = Directory.CreateTempSubdirectory("nbrun-bench-").FullName;
        var sources = new List<string> { "1 + 2" };
        sources.AddRange(Enumerable.Range(1, TrivialCells).Select(i => $"var v{i} = {i};\nv{i} * 2"));
        sources.Add("System.Diagnostics.Process.GetCurrentProcess().WorkingSet64");
        var cells = sources.Select((source, index) => new NotebookCell { Index = index, Kind = CellKind.Code, Source = source }).ToList();

        var clock = Stopwatch.StartNew();
        var firstResult = TimeSpan.Zero;
        var progress = new SynchronousProgress(p =>
        {
            if (p is { CellIndex: 0, Started: false })
            {
                firstResult = clock.Elapsed;
            }
        });
        var result = await NotebookExecutor.RunAsync(Path.Combine(folder, "bench.ipynb"), cells, new ExecutionOptions(), progress, CancellationToken.None)
            .ConfigureAwait(false);

        var failed = result.Cells.FirstOrDefault(c => c.Status != CellStatus.Passed);
        if (failed is not null)
        {
            throw new InvalidOperationException($"Benchmark cell {failed.CellIndex + 1} did not pass: {failed.FailureMessage}");
        }

        var perCell = result.Cells.Skip(1).Take(TrivialCells).Select(c => c.Elapsed.TotalMilliseconds).Order().ToList();
        var workingSet = long.Parse(
            result.Cells[^1].Outputs.OfType<DisplayOutput>().Single().Data.Single(d => d.Key == "text/plain").Value,
            CultureInfo.CurrentCulture);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cold start to first cell result: {firstResult.TotalSeconds:0.000} s (goal <= 0.8 s)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median per trivial cell: {perCell[perCell.Count / 2]:0.0} ms, p90 {perCell[perCell.Count * 9 / 10]:0.0} ms (goal <= 30 ms)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"worker working set after {TrivialCells + 1} cells: {workingSet / (1024.0 * 1024):0} MB (goal <= 400 MB)"));
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>Reports on the calling thread; <see cref="Progress{T}"/> would post to the thread pool and race the clock.</summary>
    private sealed class SynchronousProgress(Action<CellProgress> report) : IProgress<CellProgress>
    {
        public void Report(CellProgress value) => report(value);
    }
}
