using AsyncLab;

namespace AsyncLab.Tests;

/// <summary><c>notebooks/py/_lab.py</c>, the module the companion scripts share, and the speed-ups it reports judged in C#.</summary>
public sealed class LabPyTests
{
    private static string LabFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "notebooks", "py", "_lab.py")))
                return Path.Combine(dir.FullName, "notebooks", "py");
        throw new InvalidOperationException("notebooks/py/_lab.py not found above " + AppContext.BaseDirectory);
    }

    /// <summary>A script that can import _lab from its place in the repository.</summary>
    private static string LabScript(string body) =>
        $"import sys\nsys.path.insert(0, {System.Text.Json.JsonSerializer.Serialize(LabFolder())})\n{body}";

    private sealed record LabResult(
        string Python, IReadOnlyDictionary<string, double> Speedups, IReadOnlyDictionary<string, double> Cores, double? Free, double Waited);

    [Fact]
    public async Task Lab_measures_speedups_busy_cores_free_cores_and_article_seconds() => await PythonScripts.WithScript(LabScript("""
        import time
        from _lab import article_seconds, cpu_speedups, emit, free_cores, SCALE

        if __name__ == "__main__":
            start = time.perf_counter()
            time.sleep(0.5 * SCALE)
            emit(**cpu_speedups(int(sys.argv[1]), chunk_seconds=0.02), free=free_cores(0.1), waited=article_seconds(start))
        """), async script =>
    {
        var result = await Python.RunAsync<LabResult>(script, "2");

        Assert.NotNull(result);
        Assert.Equal(["processes", "threads"], result.Speedups.Keys.Order());
        Assert.All(result.Speedups.Values, s => Assert.InRange(s, 0.05, 3));
        // One GIL: the threads keep one core busy at a time, whatever the machine; two processes keep up to two.
        Assert.InRange(result.Cores["threads"], 0.5, 1.3);
        Assert.InRange(result.Cores["processes"], 0.5, 2.2);
        Assert.InRange(result.Waited, 0.5, 5);
        if (File.Exists("/proc/stat"))
            Assert.InRange(result.Free!.Value, 0, Environment.ProcessorCount);
    });

    // Threads that gain nothing can never be judged parallel, whatever the machine offers.
    [Fact]
    public async Task A_scripts_speedups_are_judged_against_the_offer_of_the_same_round() => await PythonScripts.WithScript(LabScript("""
        from _lab import emit
        emit(workers=int(sys.argv[1]), speedups={"threads": 1.0, "processes": 1.9})
        """), async script =>
    {
        var verdicts = await Parallelism.MeasurePythonAsync(script, 2);

        Assert.NotNull(verdicts);
        Assert.Equal(["processes", "threads"], verdicts.Keys.Order());
        Assert.NotEqual(ParallelVerdict.Parallel, verdicts["threads"].Verdict);
        Console.WriteLine(string.Join("\n", verdicts.Select(v => $"{v.Key}: {v.Value}")));
    });
}
