using System.Collections.Concurrent;
using NotebookRunner.Documents;
using NotebookRunner.Testing;

namespace NotebookRunner.Cli;

/// <summary>Runs or checks a set of notebooks: discovery, sharding, parallel sessions, reports, summary and exit code.</summary>
internal sealed class NotebookBatch(NotebookExecution executor, TextWriter output, TextWriter error, IRunDisplay display)
{
    /// <summary>0 when every cell passed, 1 when a cell failed or differed, 2 when the usage was wrong or a notebook unreadable.</summary>
    public async Task<int> RunAsync(RunSettings settings, CancellationToken ct)
    {
        IReadOnlyList<string> files;
        try
        {
            files = NotebookDiscovery.Expand(settings.Paths);
        }
        catch (UsageException e)
        {
            await error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        if (settings.Shard is { } shard)
        {
            files = shard.Select(files);
        }

        var unreadable = new List<(string Path, string Message)>();
        var plans = new List<NotebookPlan>();
        foreach (var file in files)
        {
            try
            {
                plans.Add(NotebookPlan.Load(file));
            }
            catch (NotebookFormatException e)
            {
                unreadable.Add((file, e.Message));
            }
        }

        var results = new ConcurrentDictionary<string, NotebookTestResult>(StringComparer.Ordinal);
        var crashes = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        await ParallelScheduler.RunAsync(plans, settings.Parallelism, p => p.Settings.RunAlone, async plan =>
        {
            var path = plan.Document.Path;
            display.NotebookStarted(path, plan.Document.CodeCells.Count());
            try
            {
                var result = await NotebookSession.RunAsync(plan, settings.Mode, settings.Execution, WriteTarget(settings, plan.Document),
                                                            executor, new LiveVerdicts(plan, settings.Mode, display), ct).ConfigureAwait(false);
                results[path] = result;
                display.NotebookFinished(result);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                // One notebook's failure never stops the others; it is reported with the rest.
                crashes[path] = $"{path}: the runner failed: {e.Message}";
                display.NotebookFinished(new NotebookTestResult(path, [], TimeSpan.Zero));
            }
        }).ConfigureAwait(false);
        display.Complete();

        var ordered = plans.Where(p => results.ContainsKey(p.Document.Path)).Select(p => results[p.Document.Path]).ToList();
        await ReportAsync(ordered, unreadable, crashes.Values.Order(StringComparer.Ordinal).ToList()).ConfigureAwait(false);
        if (settings.JUnitPath is not null)
        {
            JUnitReport.Write(settings.JUnitPath, ordered, unreadable.Concat(crashes.Select(c => (c.Key, c.Value))));
        }

        return unreadable.Count > 0 ? ExitCodes.Usage
             : crashes.IsEmpty && ordered.All(r => r.Succeeded) ? ExitCodes.Success
             : ExitCodes.Failure;
    }

    private async Task ReportAsync(List<NotebookTestResult> results, List<(string Path, string Message)> unreadable, List<string> crashes)
    {
        foreach (var (_, message) in unreadable)
        {
            await error.WriteLineAsync(message).ConfigureAwait(false);
        }

        foreach (var message in crashes)
        {
            await error.WriteLineAsync(message).ConfigureAwait(false);
        }

        foreach (var report in FailureReport.Lines([.. results.SelectMany(r => r.Cells).Where(c => c.Outcome is CellOutcome.Failed or CellOutcome.NotRun)]))
        {
            await output.WriteLineAsync(report).ConfigureAwait(false);
        }

        var notebooks = results.Count + unreadable.Count + crashes.Count;
        var summary = $"{notebooks} notebook{(notebooks == 1 ? "" : "s")}: {results.Sum(r => r.PassedCount)} cells passed, " +
                      $"{results.Sum(r => r.FailedCount)} failed, {results.Sum(r => r.SkippedCount)} skipped";
        if (unreadable.Count + crashes.Count > 0)
        {
            summary += $"; {unreadable.Count + crashes.Count} notebook{(unreadable.Count + crashes.Count == 1 ? "" : "s")} could not be run";
        }

        await output.WriteLineAsync(summary).ConfigureAwait(false);
    }

    // A copy under --output-dir at the notebook's path relative to the current folder (its full path when it lies
    // outside); without it, run writes in place and check writes nothing.
    private static string? WriteTarget(RunSettings settings, NotebookDocument document)
    {
        if (document.Format != NotebookFormat.Ipynb)
        {
            return null;
        }

        if (settings.OutputDirectory is null)
        {
            return settings.Mode == NotebookTestMode.Run ? document.Path : null;
        }

        var full = Path.GetFullPath(document.Path);
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, full);
        if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            // Outside the current folder: the whole path goes below the output folder, so two notebooks of one name stay apart.
            relative = full[Path.GetPathRoot(full)!.Length..];
        }

        return Path.Combine(settings.OutputDirectory, relative);
    }

    // Judges each cell as it ends, so the display shows verdicts (an expected exception is a pass), not raw statuses.
    // Progress<T> would post to the thread pool and could reorder events; this reports in the order they happen.
    private sealed class LiveVerdicts(NotebookPlan plan, NotebookTestMode mode, IRunDisplay display) : IProgress<Execution.CellProgress>
    {
        public void Report(Execution.CellProgress value)
        {
            if (value.Started)
            {
                display.CellStarted(value.Path, value.CellIndex + 1);
            }
            else if (value.Result is { } result)
            {
                display.CellFinished(CellEvaluator.Evaluate(plan, result, mode == NotebookTestMode.Check));
            }
        }
    }
}
