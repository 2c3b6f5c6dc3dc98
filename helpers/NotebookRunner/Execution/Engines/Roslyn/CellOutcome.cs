namespace NotebookRunner.Execution.Engines.Roslyn;

/// <summary>How the worker saw a cell end: <c>passed</c>, <c>failed</c> or <c>timedout</c>, with the error message.</summary>
internal sealed record CellOutcome(string Status, string? Message = null, string? ExceptionType = null)
{
    public const string PassedStatus = WorkerMessage.PassedStatus;
    public const string FailedStatus = WorkerMessage.FailedStatus;
    public const string TimedOutStatus = WorkerMessage.TimedOutStatus;

    public static CellOutcome Passed { get; } = new(PassedStatus);

    public static CellOutcome Failed(string message, string? exceptionType = null) => new(FailedStatus, message, exceptionType);
}
