using System.CommandLine;
using System.Globalization;
using NotebookRunner.Documents;
using NotebookRunner.Execution;
using NotebookRunner.Testing;

namespace NotebookRunner.Cli;

/// <summary>The command line: <c>run</c>, <c>check</c>, <c>bench</c>, <c>site</c>, and the internal <c>worker</c> verb.</summary>
internal static class RunnerCli
{
    public const string WorkerVerb = "worker";

    public static async Task<int> InvokeAsync(string[] args, CliServices services, TextWriter output, TextWriter error, bool liveProgress,
                                              CancellationToken ct = default)
    {
        // The worker speaks a private protocol with its parent; it bypasses the user-facing parser.
        if (args.Length > 0 && args[0] == WorkerVerb)
        {
            return await services.Worker(args[1..]).ConfigureAwait(false);
        }

        var root = new RootCommand("Executes Polyglot C# notebooks (.ipynb, .dib) headlessly and checks their outputs.")
        {
            NotebookCommand(NotebookTestMode.Run, "run", "Execute notebooks and write their outputs (in place, or as copies under --output-dir).",
                            services, output, error, liveProgress),
            NotebookCommand(NotebookTestMode.Check, "check", "Execute notebooks and compare their outputs with the stored ones, printing a diff per cell.",
                            services, output, error, liveProgress),
            BenchCommand(services, output),
            ExportCommand.Create(output, error),
            JupyterKernelCommand.Create(output, error),
            ReadabilityCommand(output, error),
            Site.SiteCommand.Create(output, error),
        };

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var parseError in parse.Errors)
            {
                await error.WriteLineAsync(parseError.Message).ConfigureAwait(false);
            }

            await error.WriteLineAsync("Run with --help for usage.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, ct).ConfigureAwait(false);
    }

    private static Command NotebookCommand(NotebookTestMode mode, string name, string description, CliServices services,
                                           TextWriter output, TextWriter error, bool liveProgress)
    {
        var paths = new Argument<string[]>("paths") { Description = "Notebook files or folders (searched recursively for *.ipynb and *.dib).", Arity = ArgumentArity.OneOrMore };
        var outputDir = new Option<string?>("--output-dir")
        {
            Description = mode == NotebookTestMode.Run
                ? "Write executed copies under this folder instead of changing the notebooks."
                : "Also write executed copies under this folder, with every cell's full output (the notebooks are never changed).",
        };
        var workingDir = new Option<string?>("--working-dir") { Description = "Working directory of the notebooks (default: each notebook's folder, as in VS Code)." };
        var timeout = new Option<double?>("--timeout") { Description = "Seconds a whole notebook may run (default 600; notebook metadata overrides)." };
        var cellTimeout = new Option<double?>("--cell-timeout") { Description = "Seconds a cell may run (default 120; notebook and cell metadata override)." };
        var stopOnError = new Option<bool>("--stop-on-error") { Description = "Stop a notebook at its first failing cell (later cells are reported as not run)." };
        var parallel = new Option<int>("--parallel", "-j") { Description = "Notebooks run at the same time (notebooks with run_alone always run alone).", DefaultValueFactory = _ => 1 };
        var shard = new Option<string?>("--shard") { Description = "Run only shard K of N of the sorted notebook list, e.g. 2/4." };
        var junit = new Option<string?>("--junit") { Description = "Write a JUnit XML report (one test case per cell) to this file." };
        var mutations = new Option<bool>("--mutations")
        {
            Description = "Then apply every \"break it\" mutation the cells declare, one run each; each must make its claim fail.",
        };

        var kernel = KernelOption.Create();

        var command = new Command(name, description) { paths, outputDir, workingDir, timeout, cellTimeout, stopOnError, parallel, shard, junit, kernel };
        if (mode == NotebookTestMode.Check)
            command.Options.Add(mutations);

        command.SetAction(async (parse, ct) =>
        {
            RunSettings settings;
            try
            {
                var defaults = new ExecutionOptions();
                settings = new RunSettings(
                    mode,
                    parse.GetValue(paths)!,
                    parse.GetValue(outputDir),
                    defaults with
                    {
                        WorkingDirectory = parse.GetValue(workingDir) is { } dir ? Path.GetFullPath(dir) : null,
                        NotebookTimeout = Seconds(parse.GetValue(timeout), "--timeout") ?? defaults.NotebookTimeout,
                        DefaultCellTimeout = Seconds(parse.GetValue(cellTimeout), "--cell-timeout") ?? defaults.DefaultCellTimeout,
                        StopOnError = parse.GetValue(stopOnError),
                        Kernel = KernelOption.Installed(parse.GetValue(kernel)),
                    },
                    AtLeastOne(parse.GetValue(parallel)),
                    parse.GetValue(shard) is { } s ? Shard.Parse(s) : null,
                    parse.GetValue(junit));
            }
            catch (UsageException e)
            {
                await error.WriteLineAsync(e.Message).ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            IRunDisplay display = liveProgress ? new LiveDisplay(output, TerminalWidth()) : new PlainDisplay(output);
            var exit = await new NotebookBatch(services.Executor, output, error, display).RunAsync(settings, ct).ConfigureAwait(false);
            if (mode == NotebookTestMode.Check && parse.GetValue(mutations))
            {
                exit = Math.Max(exit, await new MutationBatch(services.Executor, output).RunAsync(settings, ct).ConfigureAwait(false));
            }

            return exit;
        });
        return command;
    }

    private static Command BenchCommand(CliServices services, TextWriter output)
    {
        var command = new Command("bench", "Measure cold start, time per trivial cell and memory after 200 cells, and print the figures.");
        command.SetAction(async (_, _) =>
        {
            await services.Benchmark(output).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command ReadabilityCommand(TextWriter output, TextWriter error)
    {
        var paths = new Argument<string[]>("paths") { Description = "Notebook files or folders (searched recursively).", Arity = ArgumentArity.OneOrMore };
        var command = new Command("readability",
            "Print per notebook: code cells, lines per code cell (median, max), lines over 110 characters, hand-parsed JSON lines; " +
            "list every place that misses a lesson target. Exit 1 when one does.") { paths };
        command.SetAction(async (parse, _) =>
        {
            var (exit, reports) = (ExitCodes.Success, new List<Readability>());
            try
            {
                foreach (var file in NotebookDiscovery.Expand(parse.GetValue(paths)!))
                {
                    reports.Add(Readability.Of(NotebookReader.Read(file)));
                }
            }
            catch (Exception e) when (e is UsageException or NotebookFormatException)
            {
                await error.WriteLineAsync(e.Message).ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            foreach (var report in reports)
            {
                await output.WriteLineAsync(report.Summary()).ConfigureAwait(false);
                foreach (var violation in report.Violations)
                {
                    await output.WriteLineAsync("  ✘ " + violation).ConfigureAwait(false);
                }

                exit = report.Violations.Count > 0 ? ExitCodes.Failure : exit;
            }

            return exit;
        });
        return command;
    }

    private static int AtLeastOne(int parallelism) =>
        parallelism >= 1 ? parallelism : throw new UsageException($"-j {parallelism}: at least one notebook must run at a time");

    private static TimeSpan? Seconds(double? value, string option) => value switch
    {
        null => null,
        > 0 => TimeSpan.FromSeconds(value.Value),
        _ => throw new UsageException($"{option} {value.Value.ToString(CultureInfo.InvariantCulture)}: must be a positive number of seconds"),
    };

    private static int TerminalWidth()
    {
        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth : 120;
        }
        catch (IOException)
        {
            return 120;
        }
    }
}
