using System.Diagnostics;
using System.Globalization;

namespace AsyncLab;

/// <summary>
/// The rounds behind <see cref="Parallelism.Measure"/>: each round measures what the machine offers, runs the measurement,
/// and measures the offer again. Only steady rounds count: a spare core (at least 1.3×) before and after, the JIT quiet
/// during the measurement, and no other program busy meanwhile (Linux's <c>/proc/stat</c> tells; where it cannot, the
/// two offers must agree instead, which is weaker: a short spin offers noisy figures, and a program that starts during a
/// long measurement goes unseen). Load matters both ways: on the parallel run it hides a speed-up, on the one-after-another
/// run it fakes one. One steady round where a speed-up came nearer the offer than 1× proves parallelism, provided that,
/// where busy cores are reported, they came nearer too (a fast way on one busy core only beat a slowed one-after-another
/// run). "Not parallel" needs a speed-up a third of the way to the offer at most, and proof that the way ran one thing at
/// a time: one round in which it also kept no more cores busy than that, or, where busy cores are not reported, two such
/// rounds (a virtual machine's host can slow a core without a trace in <c>/proc/stat</c>, but a slowed core still shows
/// busy). Rounds go on while something is undecided: three measured rounds at most, six in all, none started after 5 s.
/// </summary>
internal sealed class ParallelRounds(
    int workers, Func<double> offered, Action letJitSettle, Func<TimeSpan> jitTime, Func<Func<double?>> watchFreeCores)
{
    /// <summary>
    /// Rounds on this machine: the offer from plain threads (best of three tries), the JIT and other programs watched; where
    /// the measured work runs (<paramref name="work"/>) tells whose CPU time is not someone else's.
    /// </summary>
    public ParallelRounds(int workers, CpuLoad.Work work)
        : this(workers, () => Parallelism.SpinSpeedup(workers, tries: 3), CpuLoad.LetJitSettle, CpuLoad.JitTime, () => CpuLoad.WatchFreeCores(work))
    {
    }

    private const double SpareCore = 1.3;
    private const int MaxMeasured = 3;
    private const int MaxRounds = 6;
    private static readonly TimeSpan s_budget = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan s_jitQuiet = TimeSpan.FromMilliseconds(80);

    // Background noise on an idle machine takes a few hundredths of a core; a program at work takes a good part of one.
    private const double OtherProgramsNoise = 0.25;

    private readonly List<Round> _rounds = [];

    private sealed record Round(
        int Number, int Workers, double Before, double After, RoundFigures? Figures, TimeSpan Jit, double? FreeCores)
    {
        public IReadOnlyDictionary<string, double>? Speedups => Figures?.Speedups;

        // No machine offers more than a core per worker: a higher figure is a disturbed spin, and counts as that many.
        public double Offer => (Math.Min(Before, Workers) + Math.Min(After, Workers)) / 2;

        public double Midpoint => (1 + Offer) / 2;

        // "Not parallel" must stay near 1×: a third of the way to the offer at most. Between that and the midpoint, a
        // round decides nothing (a slowed host, invisible in /proc/stat, can drag a parallel run down to there).
        public double ThirdOfTheWay => 1 + (Offer - 1) / 3;
    }

    /// <summary>One verdict per name the measurement reports; null when the measurement returns null (no Python).</summary>
    public async Task<IReadOnlyDictionary<string, ParallelSpeedup>?> RunAsync(Func<Task<RoundFigures?>> measure)
    {
        IReadOnlyCollection<string>? names = null;
        var clock = Stopwatch.StartNew();
        while (_rounds.Count(r => r.Speedups is not null) < MaxMeasured && _rounds.Count < MaxRounds && clock.Elapsed < s_budget
               && (names is null || names.Any(n => Decide(n) is null)))
        {
            letJitSettle();
            var before = offered();
            if (before < SpareCore && names is not null)
            {
                _rounds.Add(new Round(_rounds.Count + 1, workers, before, before, null, TimeSpan.Zero, null));
                continue;
            }
            var (freeCores, jitBefore) = (watchFreeCores(), jitTime());
            if (await measure().ConfigureAwait(false) is not { } figures)
                return null;
            var (free, jit) = (freeCores(), jitTime() - jitBefore);
            names ??= [.. figures.Speedups.Keys];
            _rounds.Add(new Round(_rounds.Count + 1, workers, before, offered(), figures, jit, free));
        }
        return names!.ToDictionary(n => n, n => Decide(n) ?? Inconclusive(n));
    }

    private bool Steady(Round r) =>
        Math.Min(r.Before, r.After) >= SpareCore && r.Jit < s_jitQuiet
        && (r.FreeCores is { } free ? free >= workers - OtherProgramsNoise : OffersAgree(r));

    private bool OffersAgree(Round r) =>
        Math.Max(r.Before, r.After) <= workers * 1.15 && Math.Max(r.Before, r.After) <= 1.25 * Math.Min(r.Before, r.After);

    // More than the number of workers is impossible: the load changed during that measurement, which proves nothing.
    private IEnumerable<(Round Round, double Speedup)> Counted(string name) =>
        _rounds.Where(Steady).Select(r => (Round: r, Speedup: r.Speedups![name])).Where(x => x.Speedup <= workers * 1.25);

    private static double? BusyCores(Round r, string name) =>
        r.Figures?.Cores is { } cores && cores.TryGetValue(name, out var busy) ? busy : null;

    private ParallelSpeedup? Decide(string name)
    {
        var counted = Counted(name).ToList();
        // Where busy cores are reported, they must be nearer the offer too: a speed-up beyond the cores a way kept busy is
        // not its own doing but a slowed one-after-another run (GIL threads have read 1.47× with one core busy).
        if (counted.FirstOrDefault(x => x.Speedup >= x.Round.Midpoint && !(BusyCores(x.Round, name) < x.Round.Midpoint))
            is ({ } held, var speedup))
            return new ParallelSpeedup(speedup, held.Offer, ParallelVerdict.Parallel,
                Invariant($"{speedup:0.00}× with {held.Offer:0.00}× on offer in round {held.Number}")
                + (BusyCores(held, name) is { } busy ? Invariant($", {busy:0.00} cores busy at once") : "")
                + Invariant($": nearer the offer than 1× (midpoint {held.Midpoint:0.00}×)"));
        var nearOne = counted.Where(x => x.Speedup <= x.Round.ThirdOfTheWay).ToList();
        // Busy cores settle it in one round: a way that kept a third of the way's cores busy at most ran one thing at a
        // time, whatever the host did to its speed; one that kept more busy and got little done ran on slowed cores.
        if (nearOne.FirstOrDefault(x => BusyCores(x.Round, name) <= x.Round.ThirdOfTheWay) is ({ } alone, var aloneSpeedup))
            return new ParallelSpeedup(aloneSpeedup, alone.Offer, ParallelVerdict.NotParallel,
                Invariant($"{aloneSpeedup:0.00}× of {alone.Offer:0.00}× on offer in round {alone.Number}, {BusyCores(alone, name):0.00} cores busy at once: ")
                + "a third of the way from 1× to the offer at most, in speed and in cores");
        nearOne = [.. nearOne.Where(x => BusyCores(x.Round, name) is null)];
        if (nearOne.Count < 2)
            return null;
        var (last, lastSpeedup) = nearOne[^1];
        return new ParallelSpeedup(lastSpeedup, last.Offer, ParallelVerdict.NotParallel,
            string.Join(", ", nearOne.Select(x => Invariant($"{x.Speedup:0.00}× of {x.Round.Offer:0.00}× on offer in round {x.Round.Number}")))
            + ": a third of the way from 1× to the offer at most, each time");
    }

    private ParallelSpeedup Inconclusive(string name)
    {
        var steady = Counted(name).ToList();
        var offers = _rounds.SelectMany(r => new[] { r.Before, r.After }).ToList();
        var last = _rounds.LastOrDefault(r => r.Speedups is not null);
        var why = steady.Count == 0
            ? Invariant($"none of {_rounds.Count} rounds found a steady spare core (≥ {SpareCore}× on offer before and after, ")
              + Invariant($"the JIT quiet, no other program busy meanwhile); offers {offers.Min():0.00}×–{offers.Max():0.00}×")
              + (last is null ? "" : Invariant($"; last measured {last.Speedups![name]:0.00}× with {last.Offer:0.00}× on offer"))
            : Invariant($"{steady.Count} of {_rounds.Count} rounds were steady and decided nothing (")
              + string.Join("; ", steady.Select(x => Invariant($"round {x.Round.Number}: {x.Speedup:0.00}× of {x.Round.Offer:0.00}× on offer")
                                                       + (BusyCores(x.Round, name) is { } busy ? Invariant($", {busy:0.00} cores busy") : "")))
              + "): between a third of the way and the midpoint, cores busy but little done (slowed by the host), "
              + "fast with few cores busy (a slowed one-after-another run), or one round where two are needed";
        return new ParallelSpeedup(last?.Speedups![name] ?? double.NaN, last?.Offer ?? offers.Average(), ParallelVerdict.Inconclusive, why);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// What one round of a measurement reports: each way's speed-up and, where known, how many cores it kept busy at once
/// (its CPU time over its wall time), which tells a way that ran on slowed cores from one that did not run in parallel.
/// </summary>
internal sealed record RoundFigures(IReadOnlyDictionary<string, double> Speedups, IReadOnlyDictionary<string, double>? Cores = null);
