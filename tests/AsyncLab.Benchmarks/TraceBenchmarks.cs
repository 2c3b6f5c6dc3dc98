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

    public static (string Name, Sample Sample) Loop(bool traced)
    {
        var name = traced ? "EventLoop, 100k awaits, traced" : "EventLoop, 100k awaits, untraced";
        return (name, Sample.Of(5, Awaits, () =>
        {
            var options = traced ? new LoopOptions { Trace = new Trace(capacity: 4 * Awaits) } : null;
            EventLoop.Run(YieldManyTimes, options);
        }));
    }

    private static async Task YieldManyTimes()
    {
        for (var i = 0; i < Awaits; i++)
            await Task.Yield();
    }
}
