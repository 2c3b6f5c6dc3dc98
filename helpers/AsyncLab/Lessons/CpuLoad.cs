using System.Diagnostics;
using System.Globalization;

namespace AsyncLab;

/// <summary>Reads how busy the machine is (Linux's <c>/proc/stat</c>) and waits for .NET's background JIT to go quiet.</summary>
internal static class CpuLoad
{
    private const string ProcStat = "/proc/stat";

    /// <summary>Busy and total jiffies over all cores, or null where there is no <c>/proc/stat</c>.</summary>
    public static (long Busy, long Total)? Ticks()
    {
        if (!File.Exists(ProcStat))
            return null;
        // cpu  user nice system idle iowait irq softirq steal: all but idle and iowait are busy.
        var fields = File.ReadLines(ProcStat).First().Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Skip(1).Take(8).Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var total = fields.Sum();
        return (total - fields[3] - fields[4], total);
    }

    /// <summary>
    /// Cores other programs left free during <paramref name="run"/>: all cores minus how busy they were meanwhile, not
    /// counting this process's own CPU time. Null without <c>/proc/stat</c>.
    /// </summary>
    public static double? FreeCoresDuring(Action run)
    {
        using var me = Process.GetCurrentProcess();
        var (before, ownBefore, clock) = (Ticks(), me.TotalProcessorTime, Stopwatch.StartNew());
        run();
        var wall = clock.Elapsed;
        me.Refresh();
        var (after, ownAfter) = (Ticks(), me.TotalProcessorTime);
        if (before is not { } b || after is not { } a || a.Total == b.Total)
            return null;
        var cores = Environment.ProcessorCount;
        var busy = cores * (double)(a.Busy - b.Busy) / (a.Total - b.Total);
        var own = (ownAfter - ownBefore) / wall;
        return Math.Clamp(cores - Math.Max(0, busy - own), 0, cores);
    }

    /// <summary>
    /// Waits (at most 5 s) until the JIT has compiled nothing for 0.4 s: in a notebook, tiered compilation recompiles hot
    /// methods on a background thread in bursts, which would take a core in the middle of a measurement.
    /// </summary>
    public static void LetJitSettle()
    {
        var waited = Stopwatch.StartNew();
        var quiet = TimeSpan.Zero;
        for (var before = JitTime(); quiet < TimeSpan.FromSeconds(0.4) && waited.Elapsed < TimeSpan.FromSeconds(5);)
        {
            Thread.Sleep(100);
            var now = JitTime();
            quiet = now - before < TimeSpan.FromMilliseconds(2) ? quiet + TimeSpan.FromMilliseconds(100) : TimeSpan.Zero;
            before = now;
        }
    }

    /// <summary>Time the JIT has spent compiling in this process so far.</summary>
    public static TimeSpan JitTime() => System.Runtime.JitInfo.GetCompilationTime();
}
