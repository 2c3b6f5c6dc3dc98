using NotebookRunner.Execution;
using NotebookRunner.Testing;

namespace NotebookRunner.Cli;

/// <summary>Everything the <c>run</c> and <c>check</c> commands were asked to do.</summary>
internal sealed record RunSettings(
    NotebookTestMode Mode,
    IReadOnlyList<string> Paths,
    string? OutputDirectory,
    ExecutionOptions Execution,
    int Parallelism,
    Shard? Shard,
    string? JUnitPath);
