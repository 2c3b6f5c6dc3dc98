using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

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
        var freeCores = WatchFreeCores(Work.InThisProcess);
        run();
        return freeCores();
    }

    /// <summary>Where the work being measured runs, so that its own CPU time is not counted as someone else's.</summary>
    public enum Work
    {
        /// <summary>In this process (and any child it waits for).</summary>
        InThisProcess,

        /// <summary>In child processes only (a script, and that script's own workers): this process's CPU time competes with it.</summary>
        InChildProcesses,
    }

    /// <summary>
    /// Starts watching the machine; the function returned tells how many cores were left free since for the work measured,
    /// not counting that work's own CPU time: this process's and that of the child processes it has waited for, or only the
    /// children's. Null without <c>/proc/stat</c>.
    /// </summary>
    public static Func<double?> WatchFreeCores(Work work)
    {
        var before = Sample(work);
        return () =>
        {
            if (before is not { } b || Sample(work) is not { } a || a.Total == b.Total)
                return null;
            var cores = Environment.ProcessorCount;
            var others = cores * (double)(a.Busy - b.Busy - (a.Work - b.Work)) / (a.Total - b.Total);
            return Math.Clamp(cores - others, 0, cores);
        };
    }

    // All in clock ticks (USER_HZ), the unit of both files: busy and total over all cores, and the measured work's share.
    private static (long Busy, long Total, long Work)? Sample(Work work)
    {
        if (Ticks() is not { } machine)
            return null;
        try
        {
            // After the command name (in parentheses, which may hold spaces): state is field 3, utime 14, stime 15,
            // cutime 16, cstime 17; cutime and cstime hold the children this process has waited for.
            var stat = File.ReadAllText("/proc/self/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var counted = work == Work.InThisProcess ? fields[11..15] : fields[13..15];
            return (machine.Busy, machine.Total, counted.Sum(f => long.Parse(f, CultureInfo.InvariantCulture)));
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>
    /// Waits (at most 2 s) until the JIT has been nearly idle (under a tenth of a core) for 0.3 s: in a notebook, tiered
    /// compilation recompiles hot methods on a background thread in bursts that take a whole core, and would take it in the
    /// middle of a measurement: after a few cells, the cell compiler's own code (Roslyn, over a thousand methods) reaches its
    /// second tier. A round still checks how much the JIT compiled during the measurement itself.
    /// </summary>
    public static void LetJitSettle()
    {
        var waited = Stopwatch.StartNew();
        var quiet = TimeSpan.Zero;
        for (var before = JitTime(); quiet < TimeSpan.FromSeconds(0.3) && waited.Elapsed < TimeSpan.FromSeconds(2);)
        {
            Thread.Sleep(100);
            var now = JitTime();
            quiet = now - before < TimeSpan.FromMilliseconds(10) ? quiet + TimeSpan.FromMilliseconds(100) : TimeSpan.Zero;
            before = now;
        }
    }

    /// <summary>Time the JIT has spent compiling in this process so far.</summary>
    public static TimeSpan JitTime() => System.Runtime.JitInfo.GetCompilationTime();

    /// <summary>
    /// CPU time of this process so far, all threads. On Linux from <c>clock_gettime</c>, to the nanosecond: the runtime's
    /// own figure there moves in 10 ms ticks, too coarse for a parallel run of a tenth of a second.
    /// </summary>
    public static TimeSpan ProcessCpuTime()
    {
        if (OperatingSystem.IsLinux() && clock_gettime(ClockProcessCpuTimeId, out var now) == 0)
            return TimeSpan.FromTicks(now.Seconds * TimeSpan.TicksPerSecond + now.Nanoseconds / 100);
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    private const int ClockProcessCpuTimeId = 2;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", SetLastError = false)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int clock_gettime(int clockId, out TimeSpec time);
}
