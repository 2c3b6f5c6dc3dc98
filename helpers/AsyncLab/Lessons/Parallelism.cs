using System.Diagnostics;

namespace AsyncLab;

/// <summary>
/// Calibration for "threads run in parallel" claims: how much speed-up this machine really gives right now
/// (a shared 2-core CI box may give none), so a lesson can call its verdict inconclusive instead of failing.
/// </summary>
public static class Parallelism
{
    private static readonly TimeSpan s_unitTarget = TimeSpan.FromMilliseconds(20);

    /// <summary>One worker per core, at most four: the most a lesson's speed-up can show on a small machine.</summary>
    public static int Workers { get; } = Math.Clamp(Environment.ProcessorCount, 1, 4);

    /// <summary>
    /// Times the same CPU work one after another (<paramref name="sequential"/>) and at once (<paramref name="parallel"/>,
    /// on <paramref name="workers"/> threads), and holds the speed-up to what the machine offered in the same round: the
    /// speed-up plain threads get right before and right after. The cores this process kept busy during the parallel run
    /// tell "one thing at a time" from "slowed": a virtual machine's host can slow both cores unseen, and then some work
    /// barely speeds up while both stay busy. Parallel when a steady round's speed-up and busy cores are nearer the offer
    /// than 1×; not parallel when both stayed a third of the way at most; inconclusive when the machine gave no steady
    /// spare core (README: the method).
    /// Both actions run once untimed first (the JIT), then twice each, alternating, and the best times count. Takes a few
    /// seconds: up to six rounds, none started after 5 s.
    /// </summary>
    public static ParallelSpeedup Measure(int workers, Action sequential, Action parallel)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        ArgumentNullException.ThrowIfNull(sequential);
        ArgumentNullException.ThrowIfNull(parallel);
        sequential();
        parallel();
        var rounds = new ParallelRounds(workers, CpuLoad.Work.InThisProcess).RunAsync(() =>
        {
            var (one, all, busy) = (TimeSpan.MaxValue, TimeSpan.MaxValue, 0.0);
            for (var i = 0; i < 2; i++)
            {
                one = Min(one, AsyncLab.Measure.Time(sequential).Elapsed);
                var cpu = CpuLoad.ProcessCpuTime();
                var wall = AsyncLab.Measure.Time(parallel).Elapsed;
                if (wall < all)
                    (all, busy) = (wall, (CpuLoad.ProcessCpuTime() - cpu) / wall);
            }
            return Task.FromResult<RoundFigures?>(new RoundFigures(
                new Dictionary<string, double> { [CSharp] = one / all }, new Dictionary<string, double> { [CSharp] = busy }));
        });
        // Everything above runs synchronously: the task is complete here.
        return rounds.GetAwaiter().GetResult()![CSharp];
    }

    /// <summary>
    /// Runs a companion script in rounds and judges each speed-up it reports exactly like <see cref="Measure"/>. The script
    /// gets <paramref name="workers"/> as its first argument (then <paramref name="args"/>) and prints one JSON line with an
    /// object <c>"speedups"</c>, e.g. <c>{"speedups": {"threads": 0.97, "processes": 1.86}}</c>, and optionally <c>"cores"</c>,
    /// how many cores each way kept busy at once (<c>py/_lab.py</c>'s <c>cpu_speedups</c> measures both). With busy cores, one
    /// round near 1× in both speed and cores proves "not parallel", and a way that kept its cores busy but got little done ran
    /// on slowed cores and proves nothing. Null when no Python was found outside CI (the skip line was printed).
    /// </summary>
    public static Task<IReadOnlyDictionary<string, ParallelSpeedup>?> MeasurePythonAsync(string script, int workers, params string[] args)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(script);
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        ArgumentNullException.ThrowIfNull(args);
        string[] arguments = [workers.ToString(System.Globalization.CultureInfo.InvariantCulture), .. args];
        return new ParallelRounds(workers, CpuLoad.Work.InChildProcesses).RunAsync(async () =>
            await Python.RunAsync<PythonSpeedups>(script, arguments).ConfigureAwait(false) is { } result
                ? new RoundFigures(result.Speedups, result.Cores)
                : null);
    }

    /// <summary>
    /// How many cores other programs left free over <paramref name="window"/> (default 0.25 s), from Linux's
    /// <c>/proc/stat</c>; null where that file does not exist. This process's own CPU time is not counted as taken.
    /// </summary>
    public static double? FreeCores(TimeSpan? window = null)
    {
        var wait = window ?? TimeSpan.FromSeconds(0.25);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(wait, TimeSpan.Zero, nameof(window));
        return CpuLoad.FreeCoresDuring(() => Thread.Sleep(wait));
    }

    private const string CSharp = "C#";

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private sealed record PythonSpeedups(IReadOnlyDictionary<string, double> Speedups, IReadOnlyDictionary<string, double>? Cores);

    /// <summary>
    /// The measured speed-up of <paramref name="workers"/> threads over one on the same CPU-bound work:
    /// the time for <paramref name="workers"/> units in sequence divided by the time for the same units on
    /// <paramref name="workers"/> threads at once. About 1 means no parallelism; takes about 20 ms × (workers + 2).
    /// </summary>
    public static double MeasureSpeedup(int workers) => SpinSpeedup(workers, tries: 1);

    /// <summary>
    /// What the machine offers to <paramref name="workers"/> threads now: the best of <paramref name="tries"/> sequential
    /// runs over the best of as many parallel runs, alternating, so a moment of someone else's load spoils one try, not the figure.
    /// </summary>
    internal static double SpinSpeedup(int workers, int tries)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        var iterations = Calibrate();
        var (sequential, parallel) = (TimeSpan.MaxValue, TimeSpan.MaxValue);
        for (var t = 0; t < tries; t++)
        {
            sequential = Min(sequential, AsyncLab.Measure.Time(() =>
            {
                for (var i = 0; i < workers; i++)
                    Spin(iterations);
            }).Elapsed);
            parallel = Min(parallel, SpinOnThreads(workers, iterations));
        }
        return sequential / parallel;
    }

    private static TimeSpan SpinOnThreads(int workers, long iterations)
    {
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
        return parallel.Elapsed;
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
