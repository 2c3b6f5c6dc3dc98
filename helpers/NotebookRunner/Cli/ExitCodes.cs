namespace NotebookRunner.Cli;

/// <summary>The process exit codes of the CLI.</summary>
public static class ExitCodes
{
    /// <summary>Every cell passed (or was skipped by a directive).</summary>
    public const int Success = 0;

    /// <summary>A cell failed, timed out, crashed, did not run, or (in check mode) its outputs differ.</summary>
    public const int Failure = 1;

    /// <summary>Bad usage, a missing path, or a notebook that cannot be read (malformed JSON, invalid directive).</summary>
    public const int Usage = 2;
}
