using System.Diagnostics;

namespace AsyncLab.Benchmarks;

/// <summary>
/// The median wall time and the median process CPU time of several rounds after a warm-up, plus the bytes the calling
/// thread allocated per operation. CPU time is reported too because on a loaded machine wall time mostly measures waiting
/// for a core.
/// </summary>
internal readonly record struct Sample(double MedianMs, double MedianCpuMs, double BytesPerOperation, int Operations)
{
    public double CpuNanosecondsPerOperation => MedianCpuMs * 1e6 / Operations;

    /// <summary>Runs <paramref name="round"/> once to warm up, then <paramref name="rounds"/> times; each round does <paramref name="operations"/> operations.</summary>
    public static Sample Of(int rounds, int operations, Action round)
    {
        round();
        var times = new double[rounds];
        var cpuTimes = new double[rounds];
        long allocated = 0;
        using var process = Process.GetCurrentProcess();
        for (var i = 0; i < rounds; i++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var start = Stopwatch.GetTimestamp();
            round();
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            process.Refresh();
            cpuTimes[i] = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
            allocated += GC.GetAllocatedBytesForCurrentThread() - before;
        }
        Array.Sort(times);
        Array.Sort(cpuTimes);
        return new Sample(times[rounds / 2], cpuTimes[rounds / 2], (double)allocated / rounds / operations, operations);
    }
}
