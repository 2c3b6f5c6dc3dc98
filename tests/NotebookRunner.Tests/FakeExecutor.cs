using System.Diagnostics;
using NotebookRunner.Documents;
using NotebookRunner.Execution;

namespace NotebookRunner.Tests;

/// <summary>
/// Stands in for the worker-process executor in tests of everything around it. It interprets a tiny cell language,
/// one instruction per line: <c>print: text</c> (stdout line), <c>error: text</c> (stderr line), <c>display: text</c>
/// (text/plain display), <c>throw: Type: message</c>, <c>compile-error: L</c>, <c>hang</c> (times out), <c>crash</c>.
/// It honours skip settings and StopOnError (a cell that throws by design does not stop it), and records the options it was given.
/// </summary>
internal sealed class FakeExecutor
{
    public List<(string Path, ExecutionOptions Options)> Calls { get; } = [];

    public Task<NotebookRunResult> RunAsync(string path, IReadOnlyList<NotebookCell> cells, ExecutionOptions options,
                                            IProgress<CellProgress>? progress, CancellationToken ct)
    {
        lock (Calls)
        {
            Calls.Add((path, options));
        }

        var watch = Stopwatch.StartNew();
        var results = new List<CellRunResult>();
        var count = 0;
        var stopped = false;
        foreach (var cell in cells.Where(c => c.Kind == CellKind.Code))
        {
            progress?.Report(new CellProgress(path, cell.Index, true, null));
            var result = stopped
                ? new CellRunResult(cell.Index, CellStatus.NotRun, [], null, TimeSpan.Zero, null, "not run: an earlier cell failed")
                : options.CellSettings(cell).SkipReason is { } reason
                    ? new CellRunResult(cell.Index, CellStatus.Skipped, [], null, TimeSpan.Zero, null, reason)
                    : Execute(cell, ++count);
            stopped |= options.StopOnError && result.Status is CellStatus.Failed or CellStatus.TimedOut or CellStatus.Crashed
                        && !(result.Status == CellStatus.Failed && options.CellSettings(cell).ThrowsByDesign);
            results.Add(result);
            progress?.Report(new CellProgress(path, cell.Index, false, result));
        }

        return Task.FromResult(new NotebookRunResult(path, results, watch.Elapsed));
    }

    private static CellRunResult Execute(NotebookCell cell, int count)
    {
        var outputs = new List<CellOutput>();
        foreach (var line in cell.Source.Split('\n'))
        {
            var (verb, text) = line.IndexOf(": ", StringComparison.Ordinal) is var i and >= 0 ? (line[..i], line[(i + 2)..]) : (line, "");
            switch (verb)
            {
                case "print" or "error":
                    var name = verb == "print" ? StreamOutput.StandardOutput : StreamOutput.StandardError;
                    if (outputs.Count > 0 && outputs[^1] is StreamOutput last && last.Name == name)
                    {
                        outputs[^1] = last with { Text = last.Text + text + "\n" };
                    }
                    else
                    {
                        outputs.Add(new StreamOutput(name, text + "\n"));
                    }

                    break;
                case "display":
                    outputs.Add(DisplayOutput.Of("text/plain", text));
                    break;
                case "throw":
                    var type = text.Split(": ", 2)[0];
                    var message = $"{text}\n   at Submission#{count}.<<Initialize>>d__0.MoveNext():line 2";
                    outputs.Add(new ErrorOutput("Error", message, message.Split('\n')));
                    return new CellRunResult(cell.Index, CellStatus.Failed, outputs, count, TimeSpan.FromMilliseconds(5), type, null);
                case "compile-error":
                    var error = $"({text},5): error CS0103: The name 'x' does not exist in the current context";
                    outputs.Add(new ErrorOutput("Error", error, [error]));
                    return new CellRunResult(cell.Index, CellStatus.Failed, outputs, count, TimeSpan.FromMilliseconds(5), null, null);
                case "hang":
                    return new CellRunResult(cell.Index, CellStatus.TimedOut, outputs, count, TimeSpan.FromSeconds(2), null,
                                             "cell timed out after 2 s; the worker was killed");
                case "crash":
                    return new CellRunResult(cell.Index, CellStatus.Crashed, outputs, count, TimeSpan.FromSeconds(1), null,
                                             "the worker exited with code 134");
            }
        }

        return new CellRunResult(cell.Index, CellStatus.Passed, outputs, count, TimeSpan.FromMilliseconds(5), null, null);
    }
}
