namespace NotebookRunner.Cli;

/// <summary>A command line that cannot be carried out (missing path, bad shard); the CLI prints the message and exits with 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
