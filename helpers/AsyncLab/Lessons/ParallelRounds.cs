using System.Diagnostics;
using System.Globalization;

namespace AsyncLab;

/// <summary>
/// The rounds behind <see cref="Parallelism.Measure"/>: each round measures what the machine offers, runs the measurement,
/// and measures the offer again. Only steady rounds count: a spare core (at least 1.3×) before and after, about the same
/// offer both times, and the JIT quiet in between. One steady round where a speed-up came nearer the offer than 1× proves
/// parallelism (load can hide parallelism, not fake it); saying "not parallel" takes two steady rounds. Rounds go on while
/// something is undecided: three measured rounds at most, six in all, none started after 8 s.
/// </summary>
internal sealed class ParallelRounds(int workers, Func<double> offered, Action letJitSettle, Func<TimeSpan> jitTime)
{
    /// <summary>Rounds on this machine: the offer from plain threads (best of three tries), the JIT watched.</summary>
    public ParallelRounds(int workers)
        : this(workers, () => Parallelism.SpinSpeedup(workers, tries: 3), CpuLoad.LetJitSettle, CpuLoad.JitTime)
    {
    }

    private const double SpareCore = 1.3;
    private const int MaxMeasured = 3;
    private const int MaxRounds = 6;
    private static readonly TimeSpan s_budget = TimeSpan.FromSeconds(8);
    private static readonly TimeSpan s_jitQuiet = TimeSpan.FromMilliseconds(80);

    private readonly List<Round> _rounds = [];

    private sealed record Round(int Number, double Before, double After, IReadOnlyDictionary<string, double>? Speedups, TimeSpan Jit)
    {
        public double Offer => (Before + After) / 2;

        public double Midpoint => (1 + Offer) / 2;
    }

    /// <summary>One verdict per name the measurement reports; null when the measurement returns null (no Python).</summary>
    public async Task<IReadOnlyDictionary<string, ParallelSpeedup>?> RunAsync(Func<Task<IReadOnlyDictionary<string, double>?>> measure)
    {
        IReadOnlyCollection<string>? names = null;
        var clock = Stopwatch.StartNew();
        while (_rounds.Count(r => r.Speedups is not null) < MaxMeasured && _rounds.Count < MaxRounds && clock.Elapsed < s_budget
               && (names is null || names.Any(n => Decide(n) is null)))
        {
            letJitSettle();
            var jitBefore = jitTime();
            var before = offered();
            if (before < SpareCore && names is not null)
            {
                _rounds.Add(new Round(_rounds.Count + 1, before, before, null, TimeSpan.Zero));
                continue;
            }
            if (await measure().ConfigureAwait(false) is not { } speedups)
                return null;
            names ??= [.. speedups.Keys];
            _rounds.Add(new Round(_rounds.Count + 1, before, offered(), speedups, jitTime() - jitBefore));
        }
        return names!.ToDictionary(n => n, n => Decide(n) ?? Inconclusive(n));
    }

    private bool Steady(Round r) =>
        Math.Min(r.Before, r.After) >= SpareCore && Math.Max(r.Before, r.After) <= workers * 1.15
        && Math.Max(r.Before, r.After) <= 1.25 * Math.Min(r.Before, r.After) && r.Jit < s_jitQuiet;

    // More than the number of workers is impossible: the load changed during that measurement, which proves nothing.
    private IEnumerable<(Round Round, double Speedup)> Counted(string name) =>
        _rounds.Where(Steady).Select(r => (r, r.Speedups![name])).Where(x => x.Item2 <= workers * 1.25);

    private ParallelSpeedup? Decide(string name)
    {
        var counted = Counted(name).ToList();
        if (counted.FirstOrDefault(x => x.Speedup >= x.Round.Midpoint) is ({ } held, var speedup))
            return new ParallelSpeedup(speedup, held.Offer, ParallelVerdict.Parallel,
                Invariant($"{speedup:0.00}× with {held.Offer:0.00}× on offer in round {held.Number}: nearer the offer than 1× (midpoint {held.Midpoint:0.00}×)"));
        if (counted.Count < 2)
            return null;
        var (last, lastSpeedup) = counted[^1];
        return new ParallelSpeedup(lastSpeedup, last.Offer, ParallelVerdict.NotParallel,
            string.Join(", ", counted.Select(x => Invariant($"{x.Speedup:0.00}× of {x.Round.Offer:0.00}× on offer in round {x.Round.Number}")))
            + ": nearer 1× than the offer each time");
    }

    private ParallelSpeedup Inconclusive(string name)
    {
        var steady = _rounds.Count(Steady);
        var offers = _rounds.SelectMany(r => new[] { r.Before, r.After }).ToList();
        var last = _rounds.LastOrDefault(r => r.Speedups is not null);
        var measured = last is null ? "" : Invariant($"; last measured {last.Speedups![name]:0.00}× with {last.Offer:0.00}× on offer");
        return new ParallelSpeedup(last?.Speedups![name] ?? double.NaN, last?.Offer ?? offers.Average(), ParallelVerdict.Inconclusive,
            Invariant($"{(steady == 0 ? "none" : "only one")} of {_rounds.Count} rounds found a steady spare core ")
            + Invariant($"(≥ {SpareCore}× on offer before and after, about the same both times, the JIT quiet); offers {offers.Min():0.00}×–{offers.Max():0.00}×{measured}"));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
