using NotebookRunner.Testing;

namespace NotebookRunner.Cli;

/// <summary>The parts the CLI delegates to: the executor for <c>run</c>/<c>check</c>, the benchmark and the worker entry point.</summary>
/// <param name="Executor">Executes a notebook.</param>
/// <param name="Benchmark">Prints the speed and memory figures.</param>
/// <param name="Worker">The worker process's main, given the arguments after <c>worker</c>.</param>
internal sealed record CliServices(
    NotebookExecution Executor,
    Func<TextWriter, Task> Benchmark,
    Func<string[], Task<int>> Worker);
