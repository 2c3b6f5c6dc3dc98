using NotebookRunner.Cli;
using NotebookRunner.Execution;
using NotebookRunner.Testing;

var services = new CliServices(
    Executors.Default,
    Benchmark: static _ => throw new NotSupportedException("The benchmark (Execution/ExecutionBenchmark) is not part of this build yet."),
    Worker: WorkerEntryPoint.RunAsync);
return await RunnerCli.InvokeAsync(args, services, Console.Out, Console.Error, liveProgress: !Console.IsOutputRedirected);
