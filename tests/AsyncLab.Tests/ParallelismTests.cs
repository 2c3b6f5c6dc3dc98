using System.Text.Json;
using AsyncLab;

namespace AsyncLab.Tests;

/// <summary>The judgement of parallel speed-ups, on scripted offers and speed-ups, and the real measurement on this machine.</summary>
public class ParallelismTests
{
    /// <summary>Rounds whose offers (before, after, before, after, …) and speed-ups are scripted.</summary>
    private static (IReadOnlyDictionary<string, ParallelSpeedup>? Verdicts, int Rounds) Judge(
        int workers, double[] offers, params Dictionary<string, double>?[] speedups) => Judge(workers, offers, [workers], speedups);

    private static (IReadOnlyDictionary<string, ParallelSpeedup>? Verdicts, int Rounds) Judge(
        int workers, double[] offers, double?[] freeCores, params Dictionary<string, double>?[] speedups) =>
        Judge(workers, offers, freeCores, round => speedups[Math.Min(round, speedups.Length - 1)] is { } s ? new RoundFigures(s) : null);

    private static (IReadOnlyDictionary<string, ParallelSpeedup>? Verdicts, int Rounds) Judge(
        int workers, double[] offers, double?[] freeCores, Func<int, RoundFigures?> figures)
    {
        var (offer, round, watched) = (0, 0, 0);
        var rounds = new ParallelRounds(workers, () => offers[offer++ % offers.Length], () => { }, () => TimeSpan.Zero,
                                        () => { var free = freeCores[watched++ % freeCores.Length]; return () => free; });
        var verdicts = rounds.RunAsync(() => Task.FromResult(figures(round++))).GetAwaiter().GetResult();
        return (verdicts, round);
    }

    private static Dictionary<string, double> Speedups(double threads, double processes) => new() { ["threads"] = threads, ["processes"] = processes };

    [Fact]
    public void One_steady_round_nearer_the_offer_proves_parallel_and_two_nearer_one_disprove_it()
    {
        var (verdicts, rounds) = Judge(2, [1.9, 1.9], Speedups(0.95, 1.8), Speedups(1.02, 1.7));

        Assert.Equal(2, rounds);   // processes were decided in round 1; threads needed a second steady round
        var processes = verdicts!["processes"];
        Assert.Equal(ParallelVerdict.Parallel, processes.Verdict);
        Assert.Equal((1.8, 1.9), (processes.Speedup, processes.Offered));
        Assert.Equal("1.80× with 1.90× on offer in round 1: nearer the offer than 1× (midpoint 1.45×)", processes.Explanation);
        var threads = verdicts["threads"];
        Assert.Equal(ParallelVerdict.NotParallel, threads.Verdict);
        Assert.Equal("0.95× of 1.90× on offer in round 1, 1.02× of 1.90× on offer in round 2: a third of the way from 1× to the offer at most, each time", threads.Explanation);
    }

    [Fact]
    public void Without_a_spare_core_nothing_is_concluded()
    {
        var (verdicts, rounds) = Judge(2, [1.05], Speedups(1.0, 1.0));

        Assert.Equal(1, rounds);   // measured once to learn what the script reports; the later rounds offered nothing
        var threads = verdicts!["threads"];
        Assert.Equal(ParallelVerdict.Inconclusive, threads.Verdict);
        Assert.Equal("none of 6 rounds found a steady spare core (≥ 1.3× on offer before and after, the JIT quiet, no other program busy meanwhile); " +
                     "offers 1.05×–1.05×; last measured 1.00× with 1.05× on offer", threads.Explanation);
        Assert.StartsWith("inconclusive (none of 6", threads.ToString());
    }

    [Theory]
    [InlineData(1.9, 1.4)]   // the offer changed during the round
    [InlineData(1.9, 2.6)]   // more than two workers can get: the measurement of the offer was disturbed
    public void Where_other_programs_cannot_be_watched_offers_that_disagree_do_not_count(double before, double after)
    {
        var (verdicts, rounds) = Judge(2, [before, after], [null], Speedups(1.0, 1.9));

        Assert.Equal(3, rounds);
        Assert.All(verdicts!.Values, v => Assert.Equal(ParallelVerdict.Inconclusive, v.Verdict));
    }

    [Fact]
    public void Where_other_programs_are_watched_a_noisy_offer_counts_capped_at_the_workers()
    {
        var (verdicts, rounds) = Judge(2, [1.6, 2.4], Speedups(1.0, 1.9));

        Assert.Equal(2, rounds);
        Assert.Equal(ParallelVerdict.NotParallel, verdicts!["threads"].Verdict);
        Assert.Equal("1.00× of 1.80× on offer in round 1, 1.00× of 1.80× on offer in round 2: a third of the way from 1× to the offer at most, each time",
                     verdicts["threads"].Explanation);
    }

    [Fact]
    public void A_round_in_which_another_program_got_busy_does_not_count()
    {
        // Round 1: another program took most of a core while the script ran; rounds 2 and 3 were quiet.
        var (verdicts, rounds) = Judge(2, [1.9], [1.2, 1.95, 1.95], Speedups(1.0, 1.2), Speedups(1.0, 1.9));

        Assert.Equal(3, rounds);   // threads needed two quiet rounds to be called not parallel
        Assert.Equal(ParallelVerdict.Parallel, verdicts!["processes"].Verdict);
        Assert.Contains("in round 2", verdicts["processes"].Explanation);
        Assert.Equal(ParallelVerdict.NotParallel, verdicts["threads"].Verdict);
        Assert.Equal("1.00× of 1.90× on offer in round 2, 1.00× of 1.90× on offer in round 3: a third of the way from 1× to the offer at most, each time",
                     verdicts["threads"].Explanation);
    }

    [Fact]
    public void A_speedup_between_a_third_of_the_way_and_the_midpoint_decides_nothing()
    {
        // Offer 1.9×: a third of the way is 1.3×, the midpoint 1.45×; 1.37× is what a slowed host made of a parallel run.
        var (verdicts, rounds) = Judge(2, [1.9], Speedups(1.0, 1.37));

        Assert.Equal(3, rounds);
        Assert.Equal(ParallelVerdict.NotParallel, verdicts!["threads"].Verdict);
        Assert.Equal(ParallelVerdict.Inconclusive, verdicts["processes"].Verdict);
    }

    [Fact]
    public void A_machine_kept_busy_by_another_program_decides_nothing()
    {
        // Load on the one-after-another run fakes a speed-up as surely as load on the parallel run hides one.
        var (verdicts, _) = Judge(2, [1.9], [1.2], Speedups(1.6, 1.9));

        Assert.All(verdicts!.Values, v => Assert.Equal(ParallelVerdict.Inconclusive, v.Verdict));
        Assert.StartsWith("none of 3 rounds found a steady spare core", verdicts["threads"].Explanation);
    }

    private static RoundFigures WithBusyCores(double threads, double processes, double threadsBusy, double processesBusy) =>
        new(Speedups(threads, processes), new Dictionary<string, double> { ["threads"] = threadsBusy, ["processes"] = processesBusy });

    [Fact]
    public void With_busy_cores_reported_one_round_proves_a_way_ran_one_thing_at_a_time()
    {
        var (verdicts, rounds) = Judge(2, [1.9], [2.0], _ => WithBusyCores(0.98, 1.95, threadsBusy: 1.0, processesBusy: 1.95));

        Assert.Equal(1, rounds);
        Assert.Equal(ParallelVerdict.Parallel, verdicts!["processes"].Verdict);
        Assert.Equal(ParallelVerdict.NotParallel, verdicts["threads"].Verdict);
        Assert.Equal("0.98× of 1.90× on offer in round 1, 1.00 cores busy at once: a third of the way from 1× to the offer at most, in speed and in cores",
                     verdicts["threads"].Explanation);
    }

    [Fact]
    public void A_way_that_kept_its_cores_busy_but_got_little_done_ran_on_slowed_cores_and_proves_nothing()
    {
        // What a virtual machine whose host slows both cores looks like from inside: processes keep their cores busy and
        // finish hardly sooner (both seen here), while GIL threads keep one core busy and take longer than one thread.
        foreach (var (speedup, busy) in new[] { (1.1, 1.97), (1.19, 1.58) })
        {
            var (verdicts, _) = Judge(2, [1.9], [2.0], _ => WithBusyCores(0.72, speedup, threadsBusy: 1.0, processesBusy: busy));

            Assert.Equal(ParallelVerdict.Inconclusive, verdicts!["processes"].Verdict);
            Assert.StartsWith("3 of 3 rounds were steady and decided nothing (round 1: ", verdicts["processes"].Explanation);
            // One core busy is one thing at a time, however slowly: the threads' verdict stands.
            Assert.Equal(ParallelVerdict.NotParallel, verdicts["threads"].Verdict);
        }
    }

    [Fact]
    public void A_speedup_on_one_busy_core_proves_nothing_but_a_slowed_one_after_another_run()
    {
        // Seen in CI: GIL threads read 1.47× with one core busy, because both one-after-another runs were slowed.
        var (verdicts, rounds) = Judge(2, [1.83], [2.0], round => round == 0
            ? WithBusyCores(1.47, 1.9, threadsBusy: 1.0, processesBusy: 1.9)
            : WithBusyCores(1.01, 1.9, threadsBusy: 1.0, processesBusy: 1.9));

        Assert.Equal(2, rounds);   // round 1 decided nothing about threads
        Assert.Equal(ParallelVerdict.NotParallel, verdicts!["threads"].Verdict);
        Assert.Contains("in round 2", verdicts["threads"].Explanation);
        Assert.Equal("1.90× with 1.83× on offer in round 1, 1.90 cores busy at once: nearer the offer than 1× (midpoint 1.42×)",
                     verdicts["processes"].Explanation);
    }

    [Fact]
    public void Parallel_work_that_kept_both_cores_busy_on_a_slowed_host_is_not_called_not_parallel()
    {
        // Seen in CI on the real kernel: Parallel.For read 1.07× and 1.04× of 1.5× on offer in two steady rounds.
        var csharp = new Func<int, RoundFigures>(round => new RoundFigures(
            new Dictionary<string, double> { ["C#"] = round == 0 ? 1.07 : 1.04 }, new Dictionary<string, double> { ["C#"] = 1.96 }));

        var (verdicts, rounds) = Judge(2, [1.5], [2.0], csharp);

        Assert.Equal(3, rounds);
        Assert.Equal(ParallelVerdict.Inconclusive, verdicts!["C#"].Verdict);
        Assert.Contains("round 1: 1.07× of 1.50× on offer, 1.96 cores busy", verdicts["C#"].Explanation);
    }

    [Fact]
    public void A_speedup_beyond_the_workers_proves_nothing()
    {
        var (verdicts, _) = Judge(2, [1.9], Speedups(1.0, 2.8));

        Assert.Equal(ParallelVerdict.Inconclusive, verdicts!["processes"].Verdict);
        Assert.Equal(ParallelVerdict.NotParallel, verdicts["threads"].Verdict);
    }

    [Fact]
    public void A_skipped_measurement_gives_no_verdicts()
    {
        var (verdicts, rounds) = Judge(2, [1.9], [2.0], [null]);

        Assert.Null(verdicts);
        Assert.Equal(1, rounds);
    }

    [Fact]
    public void Check_passes_fails_or_says_inconclusive()
    {
        var parallel = new ParallelSpeedup(1.8, 1.9, ParallelVerdict.Parallel, "1.80× with 1.90× on offer");
        var output = new StringWriter();
        var original = Console.Out;
        Console.SetOut(output);
        try
        {
            parallel.Check("Parallel.For runs in parallel", parallel: true);
            new ParallelSpeedup(double.NaN, 1.0, ParallelVerdict.Inconclusive, "no spare core").Check("threads do not", parallel: false);
        }
        finally
        {
            Console.SetOut(original);
        }

        Assert.Equal("✔ Parallel.For runs in parallel: 1.80× with 1.90× on offer\n~ threads do not: inconclusive: no spare core\n",
                     output.ToString().ReplaceLineEndings("\n"));
        var failed = Assert.Throws<CheckFailedException>(() => parallel.Check("threads do not (the GIL)", parallel: false));
        Assert.StartsWith("✘ threads do not (the GIL)", failed.Message);
    }

    [Fact]
    public void Work_that_is_not_parallel_is_never_judged_parallel()
    {
        // The "parallel" run is the same sequential work: whatever the machine offers, no round may find a speed-up.
        static void Work() => Parallelism.MeasureSpeedup(1);
        var result = Parallelism.Measure(2, sequential: Work, parallel: Work);

        Console.WriteLine(result.Explanation);
        Assert.NotEqual(ParallelVerdict.Parallel, result.Verdict);
        Assert.InRange(result.Offered, 0.1, 4);
    }

    [Fact]
    public void Speedup_is_a_plausible_ratio()
    {
        // A shared CI machine can give anything from no speed-up to two cores' worth; the value must be a usable ratio.
        var speedup = Parallelism.MeasureSpeedup(2);
        Assert.True(double.IsFinite(speedup) && speedup > 0 && speedup < 3, $"speed-up {speedup}");
        Assert.Throws<ArgumentOutOfRangeException>(() => Parallelism.MeasureSpeedup(0));
        Assert.InRange(Parallelism.Workers, 1, 4);
    }

    [Fact]
    public void Process_cpu_time_counts_every_thread_finer_than_the_runtime_ticks()
    {
        var before = CpuLoad.ProcessCpuTime();
        Parallel.For(0, 2, _ => Parallelism.MeasureSpeedup(1));
        var spent = CpuLoad.ProcessCpuTime() - before;
        using var self = System.Diagnostics.Process.GetCurrentProcess();

        Assert.InRange(spent, TimeSpan.FromMilliseconds(20), TimeSpan.FromSeconds(30));
        Assert.InRange(CpuLoad.ProcessCpuTime() - self.TotalProcessorTime, TimeSpan.FromMilliseconds(-50), TimeSpan.FromMilliseconds(50));
        if (OperatingSystem.IsLinux())
            Assert.NotEqual(0, spent.Ticks % TimeSpan.FromMilliseconds(10).Ticks);   // clock_gettime, not 10 ms ticks
    }

    [Fact]
    public void Free_cores_are_within_the_machine()
    {
        var free = Parallelism.FreeCores(TimeSpan.FromMilliseconds(100));

        if (File.Exists("/proc/stat"))
            Assert.InRange(free!.Value, 0, Environment.ProcessorCount);
        else
            Assert.Null(free);
        Assert.Throws<ArgumentOutOfRangeException>(() => Parallelism.FreeCores(TimeSpan.Zero));
    }
}
