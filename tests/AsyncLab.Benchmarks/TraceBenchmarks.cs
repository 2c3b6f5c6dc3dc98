using System.Diagnostics;

namespace AsyncLab.Benchmarks;

/// <summary>What tracing costs the traced code (goals: ≤ 50 ns per event, no allocation; ≤ 1.3× for a traced loop).</summary>
internal static class TraceBenchmarks
{
    private const int Events = 200_000;
    private const int Awaits = 100_000;

    public static (string Name, Sample Sample) Mark()
    {
        // A fresh trace per round keeps every round inside the capacity; the warm-up round pays the JIT.
        return ("Trace.Mark, one thread", Sample.Of(7, Events, () =>
        {
            var trace = new Trace(capacity: Events);
            for (var i = 0; i < Events; i++)
                trace.Mark("lane", "label");
        }));
    }

    /// <summary>An explicit wake-up: one event like a mark, plus a read of the current lane.</summary>
    public static (string Name, Sample Sample) WakeUp()
    {
        return ("Trace.WakeUp, one thread", Sample.Of(7, Events, () =>
        {
            var trace = new Trace(capacity: Events);
            for (var i = 0; i < Events; i++)
                trace.WakeUp("lane", "cause");
        }));
    }

    public static (string Name, Sample Sample) Span()
    {
        return ("Trace.Span (open + dispose), one thread", Sample.Of(7, Events, () =>
        {
            var trace = new Trace(capacity: Events);
            for (var i = 0; i < Events; i++)
            {
                using (trace.Span("lane", "label"))
                {
                }
            }
        }));
    }

    /// <summary>The floor under every recorded event: reading the clock once.</summary>
    public static (string Name, Sample Sample) Clock()
    {
        long sink = 0;
        var sample = Sample.Of(7, Events, () =>
        {
            for (var i = 0; i < Events; i++)
                sink += Stopwatch.GetTimestamp();
        });
        GC.KeepAlive(sink);
        return ("Stopwatch.GetTimestamp (the clock alone)", sample);
    }

    /// <summary>How an event loop run of 100k awaits is traced: not at all, by the loop's callbacks, or as a logical task.</summary>
    public enum LoopTracing
    {
        None,
        LoopCallbacks,
        LogicalTask,
    }

    public static (string Name, Sample Sample) Loop(LoopTracing tracing)
    {
        var name = tracing switch
        {
            LoopTracing.None => "EventLoop, 100k awaits, untraced",
            LoopTracing.LoopCallbacks => "EventLoop, 100k awaits, LoopOptions.Trace",
            _ => "EventLoop, 100k awaits, inside trace.Run",
        };
        return (name, Sample.Of(5, Awaits, () =>
        {
            var trace = new Trace(capacity: 4 * Awaits);
            switch (tracing)
            {
                case LoopTracing.None:
                    EventLoop.Run(YieldManyTimes);
                    break;
                case LoopTracing.LoopCallbacks:
                    EventLoop.Run(YieldManyTimes, new LoopOptions { Trace = trace });
                    break;
                default:
                    EventLoop.Run(() => trace.Run("yielder", YieldManyTimes));
                    break;
            }
        }));
    }

    private static async Task YieldManyTimes()
    {
        for (var i = 0; i < Awaits; i++)
            await Task.Yield();
    }
}
