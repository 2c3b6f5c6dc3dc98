namespace NotebookRunner.Testing;

/// <summary>Thrown by the assertions of <see cref="NotebookTestResult"/>; the message shows each failing cell, its line and the diff.</summary>
public sealed class NotebookAssertionException : Exception
{
    /// <summary>Creates the exception with the full report as its message.</summary>
    public NotebookAssertionException(string message) : base(message)
    {
    }
}
