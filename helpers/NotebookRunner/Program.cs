using NotebookRunner.Execution;

// Until the command line lands, only the worker mode is wired up.
if (args.Length > 0 && args[0] == "worker")
{
    return await WorkerEntryPoint.RunAsync(args[1..]);
}

return 0;
