using System.Diagnostics;
using System.Globalization;

namespace AsyncLab;

/// <summary>
/// The lessons' clock scale: lessons speak in the article's seconds, and one environment variable
/// (<c>ASYNCLAB_TIME_SCALE</c>) shortens every delay, so CI runs the same demos faster.
/// </summary>
public static class LabTime
{
    /// <summary>The environment variable that holds the scale.</summary>
    public const string ScaleVariable = "ASYNCLAB_TIME_SCALE";

    private static readonly Lazy<double> s_scale = new(() => ParseScale(Environment.GetEnvironmentVariable(ScaleVariable)));

    /// <summary>The factor applied to every article duration (default 1.0). An invalid value throws when first used.</summary>
    public static double Scale => s_scale.Value;

    /// <summary>The scaled length of <paramref name="articleSeconds"/>.</summary>
    public static TimeSpan Seconds(double articleSeconds) => TimeSpan.FromSeconds(articleSeconds * Scale);

    /// <summary>
    /// A <see cref="Task.Delay(TimeSpan, CancellationToken)"/> of the scaled time: the C# <c>await asyncio.sleep(s)</c>.
    /// Inside a traced lane (<see cref="Trace.Run(string, Func{Task})"/>) the timer's firing is recorded as the lane's
    /// wake-up ("its timer fired").
    /// </summary>
    public static Task Delay(double articleSeconds, CancellationToken ct = default)
    {
        var delay = Task.Delay(Seconds(articleSeconds), ct);
        if (LaneSlices.Current is { } lane && !delay.IsCompleted)
        {
            // Registered before the caller awaits, so it runs first, on the timer's thread; without the lane's context,
            // so the timer thread does not count as running the lane.
            using (ExecutionContext.SuppressFlow())
            {
                delay.ContinueWith(static (_, state) => ((LaneContext)state!).Trace.AddWake(((LaneContext)state!).Name, TimerFired,
                    Stopwatch.GetTimestamp(), Environment.CurrentManagedThreadId),
                    lane, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }
        return delay;
    }

    /// <summary>
    /// A blocking <see cref="Thread.Sleep(TimeSpan)"/> of the scaled time: the C# <c>time.sleep(s)</c>, for "don't block the
    /// loop" demos. Inside a traced lane it is recorded as <see cref="SegmentState.Blocked"/>: the lane holds its thread.
    /// </summary>
    public static void Sleep(double articleSeconds)
    {
        var lane = LaneSlices.Current;
        if (lane is null)
        {
            Thread.Sleep(Seconds(articleSeconds));
            return;
        }
        using (lane.Trace.Span(lane.Name, string.Create(CultureInfo.InvariantCulture, $"Thread.Sleep({articleSeconds:0.###} s)"), SegmentState.Blocked))
            Thread.Sleep(Seconds(articleSeconds));
    }

    private const string TimerFired = "its timer fired";

    /// <summary>A measured duration expressed in article seconds (divided by the scale), for printing "≈ 3 s".</summary>
    public static double ToArticleSeconds(TimeSpan measured) => measured.TotalSeconds / Scale;

    /// <summary>The smallest scale: below it delays shrink under the timer's resolution and no demo measures anything.</summary>
    public const double MinimumScale = 0.01;

    /// <summary>The largest scale: a hundred times the article's length is already hours for some lessons.</summary>
    public const double MaximumScale = 100;

    /// <summary>Parses a scale value; null or blank means 1. Anything but a number from <see cref="MinimumScale"/> to <see cref="MaximumScale"/> throws.</summary>
    internal static double ParseScale(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return 1.0;
        if (double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && value is >= MinimumScale and <= MaximumScale)
            return value;
        throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
            $"{ScaleVariable}='{text}' is not a number from {MinimumScale} to {MaximumScale}. Use a decimal with a dot, e.g. 1 (full length) or 0.2 (CI)."));
    }
}
