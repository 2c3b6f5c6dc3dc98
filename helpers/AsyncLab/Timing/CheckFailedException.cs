namespace AsyncLab;

/// <summary>A lesson's claim was not confirmed by the measurement; fails the cell (and CI).</summary>
public sealed class CheckFailedException : Exception
{
    /// <summary>Creates the exception for a failed <paramref name="claim"/>.</summary>
    public CheckFailedException(string claim, string expected, string measured)
        : base($"✘ {claim}: expected {expected}, measured {measured}")
    {
        Claim = claim;
        Expected = expected;
        Measured = measured;
    }

    /// <summary>The claim that was checked, in the lesson's words.</summary>
    public string Claim { get; }

    /// <summary>What the claim requires, e.g. <c>nearer 3 s than 5 s</c>.</summary>
    public string Expected { get; }

    /// <summary>What was measured, e.g. <c>4.6 s (article scale)</c>.</summary>
    public string Measured { get; }
}
