namespace NotebookRunner.Execution.Engines.Roslyn;

/// <summary>
/// The worker process: runs the cells of one notebook, sent one at a time by the parent over a private channel,
/// and streams their outputs back. Started by the parent as <c>NotebookRunner worker --channel &lt;socket&gt;</c>.
/// </summary>
public static class WorkerEntryPoint
{
    /// <summary>Runs the worker until the parent says exit or closes the channel.</summary>
    /// <param name="args">The command line; <c>--channel &lt;path&gt;</c> names the Unix socket the parent listens on.</param>
    /// <returns>The exit code: 0 after a normal end, 2 when the arguments are wrong.</returns>
    public static async Task<int> RunAsync(string[] args)
    {
        var at = Array.IndexOf(args, "--channel");
        if (at < 0 || at + 1 >= args.Length)
        {
            await Console.Error.WriteLineAsync("usage: NotebookRunner worker --channel <unix socket path>").ConfigureAwait(false);
            return 2;
        }

        using var channel = WorkerChannel.Connect(args[at + 1]);
        ConsoleRouter.Install();
        using var session = new ScriptSession();
        // The warm-up runs while the rest of the worker is set up, and ends before the worker says ready, so before the
        // first cell compiles: a compilation running beside the first cell's can leave that cell with the runner's
        // helpers referenced twice (CS0121).
        var warmUp = Task.Run(session.WarmUpAsync);
        var interpreter = new CellInterpreter(session, new PackageRestorer());
        var cellThread = new CellThread();
        // Text a cell wrote just before the process ends (Environment.Exit, an unhandled exception) must still reach the parent.
        AppDomain.CurrentDomain.ProcessExit += static (_, _) => ConsoleRouter.FlushRunning();
        AppDomain.CurrentDomain.UnhandledException += static (_, _) => ConsoleRouter.FlushRunning();
        await warmUp.ConfigureAwait(false);
        channel.Send(new WorkerMessage { Kind = WorkerMessage.Ready });
        using var flusher = new Timer(static _ => ConsoleRouter.FlushRunning(), null, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(100));

        while (await channel.ReceiveAsync().ConfigureAwait(false) is { Kind: WorkerMessage.Run } request)
        {
            var sink = new CellSink(channel, request.Cell);
            var outcome = await cellThread.RunAsync(
                () =>
                {
                    ConsoleRouter.Enter(sink);
                    try
                    {
                        return interpreter.RunAsync(request.Source ?? "", request.KernelName, $"cell{request.Cell + 1}.csx").GetAwaiter().GetResult();
                    }
                    finally
                    {
                        ConsoleRouter.Leave(sink);
                    }
                },
                TimeSpan.FromSeconds(request.TimeoutSeconds)).ConfigureAwait(false);
            if (outcome is null)
            {
                // The cell spins and cannot be interrupted; the parent kills this process.
                await Task.Delay(Timeout.Infinite).ConfigureAwait(false);
            }

            channel.Send(new WorkerMessage
            {
                Kind = WorkerMessage.Done, Cell = request.Cell, Status = outcome!.Status, Text = outcome.Message, ExceptionType = outcome.ExceptionType,
            });
        }

        return 0;
    }
}
