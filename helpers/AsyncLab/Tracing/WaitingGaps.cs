namespace AsyncLab;

/// <summary>Derives the waiting segments of logical tasks: the parts of a lifetime in which none of the lane's code ran.</summary>
internal static class WaitingGaps
{
    /// <summary>Gaps shorter than this (ms) are scheduling noise, not waiting worth drawing.</summary>
    private const double MinimumGapMs = 0.001;

    internal const string Label = "waiting";

    internal static IEnumerable<Segment> Between(List<Segment> segments, IEnumerable<(string Lane, double Start, double End)> lifetimes)
    {
        var byLane = segments.ToLookup(s => s.Lane);
        foreach (var lane in lifetimes.GroupBy(l => l.Lane))
        {
            var busy = byLane[lane.Key].Select(s => (s.StartMs, s.EndMs)).OrderBy(s => s.StartMs).ToList();
            foreach (var (start, end) in Merge(lane.Select(l => (l.Start, l.End))))
            {
                var cursor = start;
                foreach (var (busyStart, busyEnd) in busy)
                {
                    if (busyEnd <= cursor || busyStart >= end)
                        continue;
                    if (busyStart - cursor > MinimumGapMs)
                        yield return new Segment(lane.Key, Label, SegmentState.Waiting, cursor, busyStart, 0);
                    cursor = Math.Max(cursor, busyEnd);
                }
                if (end - cursor > MinimumGapMs)
                    yield return new Segment(lane.Key, Label, SegmentState.Waiting, cursor, end, 0);
            }
        }
    }

    /// <summary>The union of possibly overlapping intervals (several runs of the same lane), in order.</summary>
    private static List<(double Start, double End)> Merge(IEnumerable<(double Start, double End)> intervals)
    {
        var merged = new List<(double Start, double End)>();
        foreach (var (start, end) in intervals.OrderBy(i => i.Start))
        {
            if (merged.Count > 0 && start <= merged[^1].End)
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, end));
            else
                merged.Add((start, end));
        }
        return merged;
    }
}
