using System.Diagnostics;

namespace AsyncLab;

/// <summary>Measures synchronous and asynchronous work with <see cref="Stopwatch"/> timestamps.</summary>
public static class Measure
{
    /// <summary>Runs <paramref name="work"/> and measures it.</summary>
    public static Measurement Time(Action work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var thread = Environment.CurrentManagedThreadId;
        var start = Stopwatch.GetTimestamp();
        work();
        return new Measurement(Stopwatch.GetElapsedTime(start), thread, Environment.CurrentManagedThreadId);
    }

    /// <summary>Runs <paramref name="work"/> and measures it, keeping its result.</summary>
    public static Measurement<T> Time<T>(Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var thread = Environment.CurrentManagedThreadId;
        var start = Stopwatch.GetTimestamp();
        var result = work();
        return new Measurement<T>(result, Stopwatch.GetElapsedTime(start), thread, Environment.CurrentManagedThreadId);
    }

    /// <summary>Starts <paramref name="work"/>, awaits it and measures from the call to completion.</summary>
    public static async Task<Measurement> TimeAsync(Func<Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var thread = Environment.CurrentManagedThreadId;
        var start = Stopwatch.GetTimestamp();
        await work();
        return new Measurement(Stopwatch.GetElapsedTime(start), thread, Environment.CurrentManagedThreadId);
    }

    /// <summary>Starts <paramref name="work"/>, awaits it and measures it, keeping its result.</summary>
    public static async Task<Measurement<T>> TimeAsync<T>(Func<Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var thread = Environment.CurrentManagedThreadId;
        var start = Stopwatch.GetTimestamp();
        var result = await work();
        return new Measurement<T>(result, Stopwatch.GetElapsedTime(start), thread, Environment.CurrentManagedThreadId);
    }
}
