using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace NotebookRunner.Execution.Engines;

/// <summary>
/// A worker's operating-system process, for every engine: started with redirected pipes, its stderr kept as an excerpt
/// (crash reports land there: the reason at the start, the last frames at the end), killed with its whole tree.
/// </summary>
internal sealed class WorkerProcessHost : IDisposable
{
    private const int ExcerptChars = 1500;

    private readonly StringBuilder _stderrHead = new();
    private readonly StringBuilder _stderrTail = new();
    private readonly Task _drains;

    /// <summary>Starts <paramref name="start"/> with its stdin, stdout and stderr redirected.</summary>
    /// <param name="start">What to run; its pipes are redirected here.</param>
    /// <param name="readsStdout">True when the engine reads stdout itself; otherwise stdout is drained and dropped.</param>
    public WorkerProcessHost(ProcessStartInfo start, bool readsStdout)
    {
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        Process = Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start.");
        _drains = Task.WhenAll(
            readsStdout ? Task.CompletedTask : DrainAsync(Process.StandardOutput, keep: false),
            DrainAsync(Process.StandardError, keep: true));
    }

    /// <summary>The process.</summary>
    public Process Process { get; }

    /// <summary>The exit code, once the process has exited.</summary>
    public int? ExitCode => Process.HasExited ? Process.ExitCode : null;

    /// <summary>What the process wrote to stderr: the start and the end, with the middle left out when it is long.</summary>
    public string StderrExcerpt
    {
        get
        {
            lock (_stderrTail)
            {
                return _stderrHead.Length < ExcerptChars ? _stderrHead.ToString() : $"{_stderrHead}{Environment.NewLine}...{Environment.NewLine}{_stderrTail}";
            }
        }
    }

    /// <summary>Waits for the process to exit; kills it when it lingers past <paramref name="patience"/>.</summary>
    public async Task WaitForExitAsync(TimeSpan patience)
    {
        using var timeout = new CancellationTokenSource(patience);
        try
        {
            await Process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Kill();
            await Process.WaitForExitAsync().ConfigureAwait(false);
        }

        await DrainedAsync().ConfigureAwait(false);
    }

    /// <summary>Kills the process and every process it started.</summary>
    public void Kill()
    {
        try
        {
            Process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    /// <summary>Kills the process that failed to start and says why, with its exit code and stderr.</summary>
    public async Task<InvalidOperationException> StartupFailureAsync(string what)
    {
        Kill();
        await DrainedAsync().ConfigureAwait(false);
        var exitCode = ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "none";
        return new InvalidOperationException($"The worker process {what} (exit code {exitCode}): {StderrExcerpt}");
    }

    /// <inheritdoc/>
    public void Dispose() => Process.Dispose();

    /// <summary>Waits briefly for the output pipes: a grandchild the worker left behind may hold them open.</summary>
    private async Task DrainedAsync()
    {
        try
        {
            await _drains.WaitAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // The excerpt read so far is what gets reported.
        }
    }

    private async Task DrainAsync(StreamReader reader, bool keep)
    {
        var buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer).ConfigureAwait(false)) > 0)
        {
            if (!keep)
            {
                continue;
            }

            lock (_stderrTail)
            {
                var toHead = Math.Min(read, ExcerptChars - _stderrHead.Length);
                _stderrHead.Append(buffer, 0, toHead);
                _stderrTail.Append(buffer, toHead, read - toHead);
                if (_stderrTail.Length > ExcerptChars)
                {
                    _stderrTail.Remove(0, _stderrTail.Length - ExcerptChars);
                }
            }
        }
    }
}
