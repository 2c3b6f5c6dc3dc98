using System.Diagnostics;

namespace AsyncLab;

/// <summary>What a <see cref="Heartbeat"/> saw: how many beats, and the longest time between two of them.</summary>
/// <param name="Beats">The number of beats.</param>
/// <param name="LongestGap">The longest time from the start or one beat to the next; far above the interval means the loop was starved.</param>
public sealed record HeartbeatResult(int Beats, TimeSpan LongestGap);

/// <summary>A task that ticks at a fixed interval and marks each tick: when something blocks the loop, the ticks stop and the gap shows it.</summary>
public static class Heartbeat
{
    /// <summary>Ticks every <paramref name="interval"/> until <paramref name="ct"/> is cancelled, marking <c>beat</c> on <paramref name="lane"/>; returns normally when cancelled.</summary>
    public static async Task<HeartbeatResult> RunAsync(Trace trace, string lane, TimeSpan interval, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        var beats = 0;
        var longest = TimeSpan.Zero;
        var last = Stopwatch.GetTimestamp();
        while (!ct.IsCancellationRequested)
        {
            try
            {
                // ConfigureAwait(true): under an event loop the beat must run on the loop to reveal that it is blocked.
                await Task.Delay(interval, ct).ConfigureAwait(true);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                break;
            }
            var now = Stopwatch.GetTimestamp();
            var gap = Stopwatch.GetElapsedTime(last, now);
            if (gap > longest)
                longest = gap;
            last = now;
            beats++;
            trace.Mark(lane, "beat");
        }
        return new HeartbeatResult(beats, longest);
    }
}
