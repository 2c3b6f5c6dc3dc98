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

    internal static IReadOnlyList<WakeUp> Resolve(IReadOnlyList<Segment> segments, IEnumerable<(string Lane, string? From, string Cause, double AtMs, int ThreadId)> wakes)
    {
        var starts = segments.Where(s => s.State == SegmentState.Running)
            .ToLookup(s => s.Lane);
        var byLane = starts.ToDictionary(g => g.Key, g => g.OrderBy(s => s.StartMs).ToArray());
        // Several causes may point at one slice (a timer fires, then the loop gets the post): the earliest is the root cause.
        var chosen = new Dictionary<(string Lane, double Start), WakeUp>();
        foreach (var (lane, from, cause, at, threadId) in wakes.OrderBy(w => w.AtMs))
        {
            if (!byLane.TryGetValue(lane, out var slices))
                continue;
            var slice = FirstAtOrAfter(slices, at - ToleranceMs);
            if (slice is not { } resumed || chosen.ContainsKey((lane, resumed.StartMs)))
                continue;
            chosen.Add((lane, resumed.StartMs),
                new WakeUp(from ?? lane, threadId, Math.Min(at, resumed.StartMs), lane, resumed.ThreadId, resumed.StartMs,
                    Describe(cause, from, threadId)));
        }
        return chosen.Values.OrderBy(w => w.AtMs).ToList();
    }

    private static string Describe(string cause, string? from, int threadId) => cause switch
    {
        ByLane when from is not null => "woken by " + from,
        CompletedOnThread => $"what it awaited completed on thread {threadId}",
        _ => cause,
    };

    private static Segment? FirstAtOrAfter(Segment[] slices, double ms)
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
        return low < slices.Length ? slices[low] : null;
    }
}
