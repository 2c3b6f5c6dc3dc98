namespace AsyncLab;

/// <summary>What a parallel speed-up measurement concluded.</summary>
public enum ParallelVerdict
{
    /// <summary>The speed-up came nearer what the machine offered than 1× in a steady round.</summary>
    Parallel,

    /// <summary>
    /// In steady rounds the speed-up stayed near 1× (a third of the way to the offer at most), and so did the cores kept busy
    /// where the measurement reports them (one round), or it did twice where it does not.
    /// </summary>
    NotParallel,

    /// <summary>The machine offered no steady spare core often enough to tell (a busy, shared machine).</summary>
    Inconclusive,
}

/// <summary>
/// A speed-up held to what the machine offered in the same round (see <see cref="Parallelism.Measure"/>).
/// </summary>
/// <param name="Speedup">Time one after another divided by time at once (NaN when no round could measure).</param>
/// <param name="Offered">The speed-up plain threads got on pure CPU work right before and after, averaged: what the machine offered.</param>
/// <param name="Verdict">Parallel, not parallel, or inconclusive.</param>
/// <param name="Explanation">One line with the figures behind the verdict.</param>
public sealed record ParallelSpeedup(double Speedup, double Offered, ParallelVerdict Verdict, string Explanation)
{
    /// <summary>
    /// Checks a claim: <paramref name="parallel"/> says whether the work should run in parallel. Prints <c>✔ claim: …</c>,
    /// or throws <see cref="CheckFailedException"/> (<c>✘ claim: …</c>); an inconclusive measurement prints
    /// <c>~ claim: inconclusive: …</c> and does not fail, because a machine without a spare core proves nothing either way.
    /// </summary>
    public void Check(string claim, bool parallel)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(claim);
        if (Verdict == ParallelVerdict.Inconclusive)
        {
            Console.WriteLine($"~ {claim}: inconclusive: {Explanation}");
            return;
        }
        AsyncLab.Check.That(Verdict == (parallel ? ParallelVerdict.Parallel : ParallelVerdict.NotParallel), claim, Explanation);
    }

    /// <summary><c>1.92× of 1.90× offered: parallel</c>.</summary>
    public override string ToString() => Verdict == ParallelVerdict.Inconclusive
        ? $"inconclusive ({Explanation})"
        : $"{Speedup:0.00}× of {Offered:0.00}× offered: {(Verdict == ParallelVerdict.Parallel ? "parallel" : "not parallel")}";
}
