using NotebookRunner.Execution;

// Until the command line lands, only the worker and bench modes are wired up.
if (args.Length > 0 && args[0] == "worker")
{
    return await WorkerEntryPoint.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "bench")
{
    await ExecutionBenchmark.RunAsync(Console.Out);
}

return 0;
