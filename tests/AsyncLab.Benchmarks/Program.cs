using System.Globalization;
using AsyncLab.Benchmarks;

// Prints one table: what AsyncLab's recording and rendering cost on this machine. Timings are medians; on a shared
// machine they vary, so read them as orders of magnitude against the goals, not as exact figures.
var rows = new List<(string Name, Sample Sample)>
{
    TraceBenchmarks.Clock(),
    TraceBenchmarks.Mark(),
    TraceBenchmarks.WakeUp(),
    TraceBenchmarks.Span(),
};
var untraced = TraceBenchmarks.Loop(TraceBenchmarks.LoopTracing.None);
var byCallbacks = TraceBenchmarks.Loop(TraceBenchmarks.LoopTracing.LoopCallbacks);
var asLogicalTask = TraceBenchmarks.Loop(TraceBenchmarks.LoopTracing.LogicalTask);
rows.AddRange([untraced, byCallbacks, asLogicalTask]);
rows.AddRange(ChartBenchmarks.Run(10_000));

var invariant = CultureInfo.InvariantCulture;
Console.WriteLine($"{"benchmark",-44} {"wall",12} {"cpu",12} {"cpu/op",11} {"alloc/op",12}");
foreach (var (name, sample) in rows)
{
    var perOp = sample.Operations > 1 ? string.Create(invariant, $"{sample.CpuNanosecondsPerOperation:F1} ns") : "";
    Console.WriteLine(string.Create(invariant,
        $"{name,-44} {sample.MedianMs,9:F1} ms {sample.MedianCpuMs,9:F1} ms {perOp,11} {sample.BytesPerOperation,10:F1} B"));
}
foreach (var (name, traced) in new[] { ("LoopOptions.Trace", byCallbacks), ("trace.Run", asLogicalTask) })
{
    Console.WriteLine(string.Create(invariant,
        $"traced loop slowdown, {name}: {traced.Sample.MedianMs / untraced.Sample.MedianMs:F2}x wall, {traced.Sample.MedianCpuMs / untraced.Sample.MedianCpuMs:F2}x cpu (goal <= 1.3x)"));
}
Console.WriteLine(string.Create(invariant, $"machine: {Environment.ProcessorCount} cores, load average {LoadAverage()}"));

// Linux only; elsewhere the figure is simply not shown.
static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
