using NotebookRunner.Cli;
using NotebookRunner.Testing;

var services = new CliServices(
    Executors.Default,
    Benchmark: static _ => throw new NotSupportedException("The benchmark (Execution/ExecutionBenchmark) is not part of this build yet."),
    Worker: static _ => throw new NotSupportedException("The worker (Execution/WorkerEntryPoint) is not part of this build yet."));
return await RunnerCli.InvokeAsync(args, services, Console.Out, Console.Error, liveProgress: !Console.IsOutputRedirected);
