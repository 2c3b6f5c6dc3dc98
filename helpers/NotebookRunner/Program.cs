using NotebookRunner.Cli;
using NotebookRunner.Execution;
using NotebookRunner.Execution.Engines.Roslyn;
using NotebookRunner.Testing;

var services = new CliServices(
    Executors.Default,
    Benchmark: ExecutionBenchmark.RunAsync,
    Worker: WorkerEntryPoint.RunAsync);
return await RunnerCli.InvokeAsync(args, services, Console.Out, Console.Error, liveProgress: !Console.IsOutputRedirected);
