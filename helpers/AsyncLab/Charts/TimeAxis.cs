using System.Globalization;

namespace AsyncLab.Charts;

/// <summary>The time axis shared by every renderer: unit, range and "nice" ticks (1, 2 or 5 times a power of ten).</summary>
internal sealed class TimeAxis
{
    private const double SecondsThresholdMs = 2000;

    private TimeAxis(bool inSeconds, double stepMs, double endMs)
    {
        InSeconds = inSeconds;
        StepMs = stepMs;
        EndMs = endMs;
    }

    /// <summary>True when labels are in seconds, false for milliseconds.</summary>
    public bool InSeconds { get; }

    /// <summary>Distance between ticks in milliseconds.</summary>
    public double StepMs { get; }

    /// <summary>The right end of the axis in milliseconds (a multiple of <see cref="StepMs"/>).</summary>
    public double EndMs { get; }

    /// <summary>"s" or "ms".</summary>
    public string Unit => InSeconds ? "s" : "ms";

    /// <summary>The axis caption.</summary>
    public string Title => $"time since trace start ({Unit})";

    /// <summary>Tick positions in milliseconds, from 0 to <see cref="EndMs"/> inclusive.</summary>
    public IEnumerable<double> TicksMs()
    {
        var count = (int)Math.Round(EndMs / StepMs);
        for (var i = 0; i <= count; i++)
            yield return i * StepMs;
    }

    /// <summary>Chooses the unit and ticks for a span of <paramref name="spanMs"/> with about <paramref name="targetTicks"/> intervals.</summary>
    public static TimeAxis For(double spanMs, TimelineUnit unit, int targetTicks)
    {
        var span = spanMs > 0 && double.IsFinite(spanMs) ? spanMs : 1;
        var inSeconds = unit == TimelineUnit.Seconds || (unit == TimelineUnit.Auto && span >= SecondsThresholdMs);
        var step = NiceStep(span / Math.Max(1, targetTicks));
        var end = Math.Ceiling(span / step - 1e-9) * step;
        return new TimeAxis(inSeconds, step, end);
    }

    /// <summary>Converts milliseconds into the axis unit.</summary>
    public double ToUnit(double ms) => InSeconds ? ms / 1000 : ms;

    /// <summary>A tick label: just enough decimals for the step, no unit.</summary>
    public string TickLabel(double ms)
    {
        var decimals = Math.Max(0, (int)-Math.Floor(Math.Log10(ToUnit(StepMs)) + 1e-9));
        return ToUnit(ms).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    /// <summary>A precise time for hover texts and tooltips, with the unit.</summary>
    public string Precise(double ms)
    {
        var format = InSeconds ? "F3" : Math.Abs(ms) < 10 ? "F3" : "F1";
        return ToUnit(ms).ToString(format, CultureInfo.InvariantCulture) + " " + Unit;
    }

    private static double NiceStep(double raw)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var normalized = raw / magnitude;
        var nice = normalized <= 1 ? 1 : normalized <= 2 ? 2 : normalized <= 5 ? 5 : 10;
        return nice * magnitude;
    }
}
