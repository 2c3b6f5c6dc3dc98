using System.Diagnostics;

namespace AsyncLab;

/// <summary>
/// Calibration for "threads run in parallel" claims: how much speed-up this machine really gives right now
/// (a shared 2-core CI box may give none), so a lesson can call its verdict inconclusive instead of failing.
/// </summary>
public static class Parallelism
{
    private static readonly TimeSpan s_unitTarget = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// The measured speed-up of <paramref name="workers"/> threads over one on the same CPU-bound work:
    /// the time for <paramref name="workers"/> units in sequence divided by the time for the same units on
    /// <paramref name="workers"/> threads at once. About 1 means no parallelism; takes about 20 ms × (workers + 2).
    /// </summary>
    public static double MeasureSpeedup(int workers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        var iterations = Calibrate();
        var sequential = Stopwatch.StartNew();
        for (var i = 0; i < workers; i++)
            Spin(iterations);
        sequential.Stop();

        using var ready = new Barrier(workers + 1);
        var threads = Enumerable.Range(0, workers).Select(_ => new Thread(() =>
        {
            ready.SignalAndWait();
            Spin(iterations);
        }) { IsBackground = true }).ToList();
        threads.ForEach(t => t.Start());
        ready.SignalAndWait();
        var parallel = Stopwatch.StartNew();
        threads.ForEach(t => t.Join());
        parallel.Stop();
        return sequential.Elapsed.TotalMilliseconds / parallel.Elapsed.TotalMilliseconds;
    }

    /// <summary>Iterations of <see cref="Spin"/> that take about 20 ms on one thread.</summary>
    private static long Calibrate()
    {
        long iterations = 100_000;
        while (true)
        {
            var watch = Stopwatch.StartNew();
            Spin(iterations);
            if (watch.Elapsed >= s_unitTarget / 4)
                return (long)(iterations * (s_unitTarget / watch.Elapsed));
            iterations *= 4;
        }
    }

    /// <summary>Pure CPU work the JIT cannot remove: an xorshift chain whose result feeds a volatile write.</summary>
    private static void Spin(long iterations)
    {
        var x = 2463534242u;
        for (long i = 0; i < iterations; i++)
        {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
        }
        Volatile.Write(ref s_sink, x);
    }

    private static uint s_sink;
}
