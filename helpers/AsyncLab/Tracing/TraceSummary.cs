using System.Globalization;
using System.Text;

namespace AsyncLab;

/// <summary>Totals of one lane: how long it ran, waited, blocked and sat queued, and on which threads it ran.</summary>
/// <param name="Lane">The lane name.</param>
/// <param name="RunningMs">Total running time in milliseconds.</param>
/// <param name="WaitingMs">Total waiting time in milliseconds.</param>
/// <param name="BlockedMs">Total blocked time in milliseconds.</param>
/// <param name="Threads">The managed thread ids that ran or blocked in this lane, ascending.</param>
/// <param name="QueuedMs">Total time ready but queued, with no thread yet, in milliseconds.</param>
public sealed record LaneSummary(string Lane, double RunningMs, double WaitingMs, double BlockedMs, IReadOnlyList<int> Threads, double QueuedMs = 0);

/// <summary>Per-lane totals of a <see cref="Trace"/>; prints as a small table.</summary>
public sealed class TraceSummary
{
    private TraceSummary(IReadOnlyList<LaneSummary> lanes) => Lanes = lanes;

    /// <summary>One row per lane, in order of first appearance.</summary>
    public IReadOnlyList<LaneSummary> Lanes { get; }

    /// <summary>The row of <paramref name="lane"/>.</summary>
    /// <exception cref="KeyNotFoundException">The trace has no such lane.</exception>
    public LaneSummary this[string lane] =>
        Lanes.FirstOrDefault(l => l.Lane == lane) ?? throw new KeyNotFoundException($"The trace has no lane '{lane}'.");

    internal static TraceSummary From(IReadOnlyList<Segment> segments) =>
        new(segments.GroupBy(s => s.Lane)
            .Select(g => new LaneSummary(
                g.Key,
                Total(g, SegmentState.Running),
                Total(g, SegmentState.Waiting),
                Total(g, SegmentState.Blocked),
                g.Where(s => s.ThreadId != 0).Select(s => s.ThreadId).Distinct().Order().ToList(),
                Total(g, SegmentState.Queued)))
            .ToList());

    private static double Total(IEnumerable<Segment> segments, SegmentState state) =>
        segments.Where(s => s.State == state).Sum(s => s.DurationMs);

    /// <summary>The table as text: lane, running, waiting, blocked, queued (ms, rounded), threads.</summary>
    public override string ToString()
    {
        var width = Math.Max(4, Lanes.Count == 0 ? 0 : Lanes.Max(l => l.Lane.Length));
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{"lane".PadRight(width)}  running ms  waiting ms  blocked ms  queued ms  threads");
        foreach (var l in Lanes)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{l.Lane.PadRight(width)}  {l.RunningMs,10:0}  {l.WaitingMs,10:0}  {l.BlockedMs,10:0}  {l.QueuedMs,9:0}  {string.Join(",", l.Threads)}");
        }
        return text.ToString();
    }
}
