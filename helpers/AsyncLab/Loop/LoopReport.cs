using System.Globalization;
using System.Text;

namespace AsyncLab;

/// <summary>A callback that held the loop thread longer than <see cref="LoopOptions.SlowCallbackThreshold"/>.</summary>
/// <param name="Name">The lane of the code that ran, or the async method's name.</param>
/// <param name="Duration">How long the callback ran.</param>
public sealed record SlowCallback(string Name, TimeSpan Duration)
{
    /// <summary>One line, like asyncio's warning.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"callback '{Name}' blocked the event loop for {Duration.TotalMilliseconds:0} ms");
}

/// <summary>What an <see cref="EventLoop"/> run did: callbacks executed, slow callbacks and work left pending at exit.</summary>
/// <param name="Callbacks">How many callbacks the loop executed.</param>
/// <param name="SlowCallbacks">Callbacks over the slow-callback threshold, in order.</param>
/// <param name="Pending">Work still pending when main returned: unfinished named tasks and callbacks that arrived after main returned.</param>
public sealed record LoopReport(int Callbacks, IReadOnlyList<SlowCallback> SlowCallbacks, IReadOnlyList<string> Pending)
{
    /// <summary>A short multi-line summary.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"event loop: {Callbacks} callbacks, {SlowCallbacks.Count} slow, {Pending.Count} pending at exit");
        foreach (var slow in SlowCallbacks)
            text.Append("\n  slow: ").Append(slow);
        foreach (var pending in Pending)
            text.Append("\n  pending: ").Append(pending);
        return text.ToString();
    }
}

/// <summary>Work was still pending when the loop's main returned and <see cref="LoopOptions.Pending"/> is <see cref="PendingWorkPolicy.Throw"/>.</summary>
public sealed class PendingWorkException : Exception
{
    /// <summary>Creates the exception for the listed pending work.</summary>
    public PendingWorkException(IReadOnlyList<string> pending)
        : base(PendingWork.Describe(pending)) => Pending = pending;

    /// <summary>The pending work, one entry per task or callback.</summary>
    public IReadOnlyList<string> Pending { get; }
}

internal static class PendingWork
{
    internal static string Describe(IReadOnlyList<string> pending) =>
        $"EventLoop: {pending.Count} item(s) still pending when main returned: {string.Join("; ", pending)}. "
        + "Await everything main starts (like asyncio's \"Task was destroyed but it is pending!\").";
}
