using System.Globalization;

namespace AsyncLab;

/// <summary>
/// Checks that turn a lesson's claim into a pass/fail: a passing check prints one line
/// (<c>✔ claim …</c>) so the learner sees what was proven; a failing one throws <see cref="CheckFailedException"/>.
/// Durations are compared in article seconds, never as exact milliseconds.
/// </summary>
public static class Check
{
    /// <summary>How far below the expected duration a measurement may be (timers can fire slightly early).</summary>
    private const double EarlyTolerance = 0.85;

    /// <summary>
    /// Midpoint test "about <paramref name="expected"/> s, not <paramref name="not"/> s" in article seconds: passes when the
    /// measurement is nearer <paramref name="expected"/> than <paramref name="not"/> and not below 85 % of <paramref name="expected"/>.
    /// </summary>
    public static void About(TimeSpan measured, double expected, double not, string claim)
    {
        var seconds = LabTime.ToArticleSeconds(measured);
        var shown = $"{seconds.ToString("0.0", CultureInfo.InvariantCulture)} s (article scale)";
        var nearer = Math.Abs(seconds - expected) < Math.Abs(seconds - not);
        if (!nearer || seconds < expected * EarlyTolerance)
            throw new CheckFailedException(claim, $"about {Format(expected)} s, not {Format(not)} s", shown);
        Pass(claim, $"{shown}, not {Format(not)} s");
    }

    /// <summary>The midpoint test of <see cref="About(TimeSpan, double, double, string)"/> on a <see cref="Measurement"/>.</summary>
    public static void About(Measurement measured, double expected, double not, string claim)
    {
        ArgumentNullException.ThrowIfNull(measured);
        About(measured.Elapsed, expected, not, claim);
    }

    /// <summary>Happens-before over a recorded order: <paramref name="first"/> occurs (first) before <paramref name="second"/>.</summary>
    public static void Before(IReadOnlyList<string> order, string first, string second, string claim)
    {
        ArgumentNullException.ThrowIfNull(order);
        var i = IndexOf(order, first);
        var j = IndexOf(order, second);
        var measured = "order [" + string.Join(", ", order) + "]";
        if (i < 0 || j < 0 || i >= j)
            throw new CheckFailedException(claim, $"'{first}' before '{second}'", measured);
        Pass(claim, $"'{first}' before '{second}'");
    }

    /// <summary>A count or ratio within a band, bounds included.</summary>
    public static void Between(double value, double min, double max, string claim)
    {
        if (double.IsNaN(value) || value < min || value > max)
            throw new CheckFailedException(claim, $"between {Format(min)} and {Format(max)}", Format(value));
        Pass(claim, $"{Format(value)} in [{Format(min)}, {Format(max)}]");
    }

    /// <summary>Any other claim; <paramref name="detail"/> says what was measured.</summary>
    public static void That(bool condition, string claim, string? detail = null)
    {
        if (!condition)
            throw new CheckFailedException(claim, "true", detail ?? "false");
        Pass(claim, detail);
    }

    private static int IndexOf(IReadOnlyList<string> order, string item)
    {
        for (var i = 0; i < order.Count; i++)
        {
            if (order[i] == item)
                return i;
        }
        return -1;
    }

    /// <summary>At most two decimals, so printed outputs stay stable between runs.</summary>
    internal static string Format(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static void Pass(string claim, string? detail) =>
        Console.WriteLine(detail is null ? $"✔ {claim}" : $"✔ {claim}: {detail}");
}
