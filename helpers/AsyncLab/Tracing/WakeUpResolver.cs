namespace AsyncLab;

/// <summary>Joins recorded wake-ups to the slices they resumed: the woken lane's first running slice at or after the cause.</summary>
internal static class WakeUpResolver
{
    /// <summary>A cause recorded this long (ms) after its slice started still belongs to it (clock reads race by a few µs).</summary>
    private const double ToleranceMs = 0.002;

    /// <summary>The cause recorded when another lane's code did the waking; spelled out at resolve time so recording allocates nothing.</summary>
    internal const string ByLane = "";

    /// <summary>The cause recorded when a thread outside the loop and outside any lane (a timer, a socket) posted the continuation.</summary>
    internal const string CompletedOnThread = "\0thread";

    internal static IReadOnlyList<WakeUp> Resolve(IReadOnlyList<Segment> segments, IEnumerable<(string Lane, string Cause, double AtMs, int ThreadId)> wakes)
    {
        var byThread = segments.Where(s => s.State == SegmentState.Running && s.ThreadId != 0)
            .GroupBy(s => s.ThreadId).ToDictionary(g => g.Key, g => g.OrderBy(s => s.StartMs).ToArray());
        var starts = segments.Where(s => s.State == SegmentState.Running)
            .ToLookup(s => s.Lane);
        var byLane = starts.ToDictionary(g => g.Key, g => g.OrderBy(s => s.StartMs).ToArray());
        // Several causes may point at one slice (a timer fires, then the loop gets the post): the earliest is the root cause.
        var chosen = new Dictionary<(string Lane, double Start), WakeUp>();
        foreach (var (lane, cause, at, threadId) in wakes.OrderBy(w => w.AtMs))
        {
            var from = RunningOn(byThread, threadId, at, lane);
            if (!byLane.TryGetValue(lane, out var slices))
                continue;
            var index = IndexAtOrAfter(slices, at - ToleranceMs);
            if (index == slices.Length || chosen.ContainsKey((lane, slices[index].StartMs)))
                continue;
            var resumed = slices[index];
            chosen.Add((lane, resumed.StartMs),
                new WakeUp(from ?? lane, threadId, Math.Min(at, resumed.StartMs), lane, resumed.ThreadId, resumed.StartMs,
                    Describe(cause, from, threadId)));
        }
        return chosen.Values.OrderBy(w => w.AtMs).ToList();
    }

    /// <summary>The lane whose code ran on <paramref name="threadId"/> at <paramref name="ms"/> (not the woken one), or null.</summary>
    private static string? RunningOn(Dictionary<int, Segment[]> byThread, int threadId, double ms, string woken)
    {
        if (!byThread.TryGetValue(threadId, out var slices))
            return null;
        // Slices on one thread do not overlap: the few starting just before the moment are the only candidates.
        var next = IndexAtOrAfter(slices, ms + ToleranceMs);
        for (var i = next - 1; i >= Math.Max(0, next - 3); i--)
        {
            var s = slices[i];
            if (s.Lane != woken && ms <= s.EndMs + ToleranceMs)
                return s.Lane;
        }
        return null;
    }

    private static string Describe(string cause, string? from, int threadId) => cause switch
    {
        ByLane when from is not null => "woken by " + from,
        CompletedOnThread => $"what it awaited completed on thread {threadId}",
        _ => cause,
    };

    /// <summary>The index of the first slice starting at or after <paramref name="ms"/> (the length when none does).</summary>
    private static int IndexAtOrAfter(Segment[] slices, double ms)
    {
        var (low, high) = (0, slices.Length);
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (slices[mid].StartMs < ms)
                low = mid + 1;
            else
                high = mid;
        }
        return low;
    }
}
