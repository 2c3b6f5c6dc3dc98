namespace AsyncLab;

/// <summary>What <see cref="EventLoop"/> does with work still pending when main returns.</summary>
public enum PendingWorkPolicy
{
    /// <summary>Write a report to <see cref="LoopOptions.Log"/> (asyncio's "Task was destroyed but it is pending!").</summary>
    Report,
    /// <summary>Throw a <see cref="PendingWorkException"/> listing the pending work.</summary>
    Throw,
}

/// <summary>Options of one <see cref="EventLoop"/> run.</summary>
public sealed class LoopOptions
{
    /// <summary>A trace that receives one run slice per callback the loop executes (callbacks of <see cref="Trace.Run(string, Func{Task})"/> lanes are already traced by their lane).</summary>
    public Trace? Trace { get; init; }

    /// <summary>Debug: report callbacks that block the loop longer than this, like asyncio's slow-callback warning (100 ms in debug mode). Null turns it off.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The threshold is negative.</exception>
    public TimeSpan? SlowCallbackThreshold
    {
        get => _slowCallbackThreshold;
        init => _slowCallbackThreshold = value is null || value >= TimeSpan.Zero
            ? value
            : throw new ArgumentOutOfRangeException(nameof(SlowCallbackThreshold), value, "A slow-callback threshold cannot be negative.");
    }

    private readonly TimeSpan? _slowCallbackThreshold;

    /// <summary>What to do with work still pending when main returns (default <see cref="PendingWorkPolicy.Report"/>).</summary>
    public PendingWorkPolicy Pending { get; init; } = PendingWorkPolicy.Report;

    /// <summary>Where reports go (default <see cref="Console.Out"/> at the time of the run).</summary>
    public TextWriter? Log { get; init; }
}
