using System.Globalization;
using NotebookRunner.Testing;

namespace NotebookRunner.Cli;

/// <summary>One line per event, for logs and CI (output redirected): nothing is rewritten, so every line survives in the log.</summary>
internal sealed class PlainDisplay(TextWriter output) : IRunDisplay
{
    private readonly Lock _gate = new();

    public void NotebookStarted(string path, int codeCells) => Write($"{path}: started, {codeCells} code cells");

    public void CellStarted(string path, int cellNumber)
    {
    }

    public void CellFinished(CellTestResult cell) =>
        Write(string.Create(CultureInfo.InvariantCulture,
            $"{cell.Path}(cell {cell.CellNumber}): {cell.Outcome.ToString().ToLowerInvariant()} in {cell.Run.Elapsed.TotalSeconds:0.00} s"));

    public void NotebookFinished(NotebookTestResult result) =>
        Write(string.Create(CultureInfo.InvariantCulture,
            $"{result.Path}: {(result.Succeeded ? "passed" : "FAILED")}, {result.PassedCount} passed, {result.FailedCount} failed, {result.SkippedCount} skipped in {result.Elapsed.TotalSeconds:0.0} s"));

    public void Complete()
    {
    }

    private void Write(string line)
    {
        lock (_gate)
        {
            output.WriteLine(line);
        }
    }
}
