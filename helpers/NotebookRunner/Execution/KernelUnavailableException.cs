namespace NotebookRunner.Execution;

/// <summary>The engine a run asked for is not installed on this machine; the message names the engine and the command that installs it.</summary>
public sealed class KernelUnavailableException : Exception
{
    /// <summary>Creates the exception with the message shown to the user.</summary>
    public KernelUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with no message.</summary>
    public KernelUnavailableException()
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public KernelUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
