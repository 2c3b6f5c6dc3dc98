using System.Diagnostics;
using System.Globalization;
using NotebookRunner.Documents;
using NotebookRunner.Execution.Engines;

namespace NotebookRunner.Execution;

/// <summary>The state of one notebook run on the parent side: the worker, the clock, and every cell's outputs.</summary>
internal sealed class NotebookRun(string notebookPath, ExecutionOptions options, IProgress<CellProgress>? progress) : IAsyncDisposable
{
    /// <summary>Time the worker gets past a cell's timeout to interrupt a blocked cell and report it, before the kill.</summary>
    private static readonly TimeSpan KillGrace = TimeSpan.FromSeconds(2.5);

    /// <summary>
    /// How long the worker is watched after the last cell: work the notebook left running (a forgotten task, a thread)
    /// that writes or crashes within this time is reported like it would be between two cells.
    /// </summary>
    private static readonly TimeSpan SettleTime = TimeSpan.FromMilliseconds(300);

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Dictionary<int, CellOutputCollector> _collectors = [];
    private readonly Dictionary<int, string> _lateWrites = [];
    private IKernelWorker? _worker;
    private int _executionCount;

    public async Task<NotebookRunResult> ExecuteAsync(IReadOnlyList<NotebookCell> cells, CancellationToken ct)
    {
        var results = new List<CellRunResult>();
        string? stopReason = null;
        foreach (var cell in cells.Where(c => c.Kind == CellKind.Code))
        {
            var settings = options.CellSettings(cell);
            CellRunResult result;
            if (stopReason is not null)
            {
                result = new CellRunResult(cell.Index, CellStatus.NotRun, [], null, TimeSpan.Zero, null, stopReason);
            }
            else if (settings.SkipReason is { } reason)
            {
                result = new CellRunResult(cell.Index, CellStatus.Skipped, [], null, TimeSpan.Zero, null, reason);
            }
            else
            {
                progress?.Report(new CellProgress(notebookPath, cell.Index, Started: true, Result: null));
                result = await RunCellAsync(cell, settings.Timeout ?? options.DefaultCellTimeout, ct).ConfigureAwait(false);
                stopReason = result.Status switch
                {
                    CellStatus.TimedOut or CellStatus.Crashed when _worker is null =>
                        $"Not run: cell {cell.Index + 1} {(result.Status == CellStatus.Crashed ? "crashed" : "timed out and killed")} the worker.",
                    CellStatus.Failed when settings.ThrowsByDesign => null,
                    not CellStatus.Passed when options.StopOnError => $"Not run: cell {cell.Index + 1} failed and the run stops on errors.",
                    _ => null,
                };
            }

            results.Add(result);
            progress?.Report(new CellProgress(notebookPath, cell.Index, Started: false, Result: result));
        }

        if (await SettleAsync().ConfigureAwait(false) is { } crash && results.FindLastIndex(r => r.ExecutionCount is not null) is var last and >= 0)
        {
            results[last] = WithCrashAfterTheEnd(results[last], crash);
        }

        await StopWorkerAsync().ConfigureAwait(false);
        return new NotebookRunResult(notebookPath, [.. results.Select(WithLateWrites)], _clock.Elapsed);
    }

    public async ValueTask DisposeAsync()
    {
        if (_worker is not null)
        {
            _worker.Kill();
            await _worker.DisposeAsync().ConfigureAwait(false);
            _worker = null;
        }
    }

    private async Task<CellRunResult> RunCellAsync(NotebookCell cell, TimeSpan timeout, CancellationToken ct)
    {
        var collector = _collectors[cell.Index] = new CellOutputCollector();
        var count = ++_executionCount;
        var watch = Stopwatch.StartNew();
        CellRunResult Result(CellStatus status, string? message, string? exceptionType = null)
        {
            if (status != CellStatus.Passed && message is not null)
            {
                collector.AddError(message);
            }

            return new CellRunResult(cell.Index, status, collector.Outputs, count, watch.Elapsed, exceptionType, message);
        }

        try
        {
            _worker ??= await IKernelWorker.StartAsync(options.Kernel, WorkingDirectory, options.Environment, ct).ConfigureAwait(false);
        }
        catch (InvalidOperationException e)
        {
            return Result(CellStatus.Crashed, $"{notebookPath}: the worker process could not start for cell {cell.Index + 1}: {e.Message}");
        }

        await _worker.SendAsync(new WorkerMessage
        {
            Kind = WorkerMessage.Run, Cell = cell.Index, Source = cell.Source, KernelName = cell.KernelName, TimeoutSeconds = timeout.TotalSeconds,
        }).ConfigureAwait(false);

        var notebookLeft = options.NotebookTimeout - _clock.Elapsed;
        var notebookLimited = notebookLeft < timeout + KillGrace;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(notebookLimited ? (notebookLeft > TimeSpan.Zero ? notebookLeft : TimeSpan.Zero) : timeout + KillGrace);
        while (true)
        {
            WorkerMessage? message;
            try
            {
                message = await _worker.ReceiveAsync(limit.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                await KillWorkerAsync().ConfigureAwait(false);
                var why = notebookLimited
                    ? $"the notebook reached its timeout of {Seconds(options.NotebookTimeout)}"
                    : $"the cell reached its timeout of {Seconds(timeout)}";
                return Result(CellStatus.TimedOut,
                    $"{Describe(cell)} was stopped after {Seconds(watch.Elapsed)}: {why}. The worker process was killed; the outputs above are what the cell produced until then.");
            }
            catch (OperationCanceledException)
            {
                await KillWorkerAsync().ConfigureAwait(false);
                throw;
            }

            if (message is null)
            {
                var (exitCode, stderr) = await WorkerDiedAsync().ConfigureAwait(false);
                return Result(CellStatus.Crashed,
                    $"{Describe(cell)}: the worker process died after {Seconds(watch.Elapsed)} with exit code {exitCode}.{stderr}");
            }

            if (message.Kind == WorkerMessage.Done && message.Cell == cell.Index)
            {
                return message.Status switch
                {
                    WorkerMessage.PassedStatus => Result(CellStatus.Passed, null),
                    WorkerMessage.TimedOutStatus => Result(CellStatus.TimedOut, $"{Describe(cell)} timed out after {Seconds(watch.Elapsed)}. {message.Text}"),
                    _ => Result(CellStatus.Failed, message.Text ?? "The cell failed.", message.ExceptionType),
                };
            }

            Apply(message, cell.Index);
        }
    }

    /// <summary>
    /// Applies a streamed output to the cell it belongs to, which may be an earlier cell (late writes, updates).
    /// <paramref name="runningCell"/> is the cell now running, or -1 once all cells ran.
    /// </summary>
    private void Apply(WorkerMessage message, int runningCell)
    {
        if (!_collectors.TryGetValue(message.Cell, out var collector))
        {
            return;
        }

        var data = (message.Data ?? []).Select(d => new KeyValuePair<string, string>(d[0], d[1])).ToList();
        switch (message.Kind)
        {
            case WorkerMessage.Stream:
                collector.AddText(message.StreamName ?? StreamOutput.StandardOutput, message.Text ?? "");
                break;
            case WorkerMessage.Late:
                collector.AddText(message.StreamName ?? StreamOutput.StandardOutput, message.Text ?? "");
                _lateWrites[message.Cell] = _lateWrites.GetValueOrDefault(message.Cell, "") + message.Text;
                break;
            case WorkerMessage.Display:
                collector.AddDisplay(message.DisplayId, data);
                if (message.Cell != runningCell)
                {
                    _lateWrites[message.Cell] = _lateWrites.GetValueOrDefault(message.Cell, "") + "[a display]";
                }

                break;
            case WorkerMessage.Update:
                // VS Code replaces an output it knows by id and appends one it does not know.
                if (!collector.TryUpdate(message.DisplayId, data) && !_collectors.Values.Any(c => c.TryUpdate(message.DisplayId, data)))
                {
                    collector.AddDisplay(message.DisplayId, data);
                }

                break;
        }
    }

    /// <summary>A cell whose tasks wrote after it ended failed: the notebook forgot to await something it started.</summary>
    private CellRunResult WithLateWrites(CellRunResult result)
    {
        if (!_lateWrites.TryGetValue(result.CellIndex, out var late))
        {
            return result with { Outputs = _collectors.TryGetValue(result.CellIndex, out var c) ? c.Outputs : result.Outputs };
        }

        var collector = _collectors[result.CellIndex];
        var message = $"{notebookPath}: cell {result.CellIndex + 1} wrote after it had ended (a task or thread it started was still running; await it in the cell): \"{Shorten(late)}\"";
        collector.AddError(message);
        return result with
        {
            Status = result.Status == CellStatus.Passed ? CellStatus.Failed : result.Status,
            Outputs = collector.Outputs,
            FailureMessage = result.FailureMessage is null ? message : result.FailureMessage + Environment.NewLine + message,
        };
    }

    /// <summary>Collects what arrives during <see cref="SettleTime"/>; returns why the worker died if it did.</summary>
    private async Task<string?> SettleAsync()
    {
        if (_worker is null)
        {
            return null;
        }

        using var settle = new CancellationTokenSource(SettleTime);
        try
        {
            while (await _worker.ReceiveAsync(settle.Token).ConfigureAwait(false) is { } message)
            {
                Apply(message, runningCell: -1);
            }
        }
        catch (OperationCanceledException)
        {
            return null;
        }

        var (exitCode, stderr) = await WorkerDiedAsync().ConfigureAwait(false);
        return $"the worker process died with exit code {exitCode} after the last cell had ended "
            + $"(a thread or task the notebook started was still running).{stderr}";
    }

    /// <summary>After the worker's channel closed: its exit code, and what it wrote to stderr as lines to append.</summary>
    private async Task<(string ExitCode, string Stderr)> WorkerDiedAsync()
    {
        await _worker!.WaitForExitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        var (exitCode, stderr) = (_worker.ExitCode, _worker.StderrExcerpt);
        await KillWorkerAsync().ConfigureAwait(false);
        return (exitCode?.ToString(CultureInfo.InvariantCulture) ?? "unknown",
            stderr.Trim().Length > 0 ? $"{Environment.NewLine}Its stderr said:{Environment.NewLine}{stderr.TrimEnd()}" : "");
    }

    /// <summary>A crash after the end is charged to the last cell that ran: nothing that ran before it can be told apart.</summary>
    private CellRunResult WithCrashAfterTheEnd(CellRunResult last, string crash)
    {
        var message = $"{notebookPath}: {crash}";
        _collectors[last.CellIndex].AddError(message);
        return last with
        {
            Status = CellStatus.Crashed,
            FailureMessage = last.FailureMessage is null ? message : last.FailureMessage + Environment.NewLine + message,
        };
    }

    private async Task StopWorkerAsync()
    {
        if (_worker is null)
        {
            return;
        }

        // Ask the worker to end, and collect what still arrives (late writes of the last cells) until it has.
        try
        {
            await _worker.SendAsync(new WorkerMessage { Kind = WorkerMessage.Exit }).ConfigureAwait(false);
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            while (await _worker.ReceiveAsync(patience.Token).ConfigureAwait(false) is { } message)
            {
                Apply(message, runningCell: -1);
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
            // The worker is gone or lingers; it is killed below either way.
        }

        await KillWorkerAsync().ConfigureAwait(false);
    }

    private async Task KillWorkerAsync()
    {
        if (_worker is null)
        {
            return;
        }

        _worker.Kill();
        await _worker.DisposeAsync().ConfigureAwait(false);
        _worker = null;
    }

    private string WorkingDirectory =>
        options.WorkingDirectory ?? Path.GetDirectoryName(Path.GetFullPath(notebookPath)) ?? Directory.GetCurrentDirectory();

    private string Describe(NotebookCell cell) => $"{notebookPath}: cell {cell.Index + 1} (\"{Shorten(cell.FirstLine)}\")";

    private static string Seconds(TimeSpan span) => string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.0} s");

    private static string Shorten(string text) => text.Length > 200 ? text[..200] + "..." : text.TrimEnd();
}
