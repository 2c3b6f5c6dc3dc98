using NotebookRunner.Execution.Engines.DotnetInteractive;
using NotebookRunner.Execution.Engines.Roslyn;

namespace NotebookRunner.Execution.Engines;

/// <summary>
/// The contract between the parent (scheduling, timeouts, outputs) and an engine: the one process that runs the cells
/// of one notebook. The parent sends <see cref="WorkerMessage.Run"/> and <see cref="WorkerMessage.Exit"/>; the worker
/// answers with streams, displays, updates and one <see cref="WorkerMessage.Done"/> per cell. Everything else the parent
/// does (timeouts, kills, crash reports, late writes, VS Code's output rules) holds for every engine, because it sees
/// nothing but these messages and the process.
/// </summary>
internal interface IKernelWorker : IAsyncDisposable
{
    /// <summary>Starts the worker of <paramref name="engine"/> in <paramref name="workingDirectory"/> and waits until it can run cells.</summary>
    /// <exception cref="KernelUnavailableException">The engine is not installed.</exception>
    /// <exception cref="InvalidOperationException">The process started but did not become ready; the message says what it printed.</exception>
    static async Task<IKernelWorker> StartAsync(
        KernelEngine engine, string workingDirectory, IReadOnlyDictionary<string, string> environment, CancellationToken ct) => engine switch
    {
        KernelEngine.Roslyn => await RoslynWorker.StartAsync(workingDirectory, environment, ct).ConfigureAwait(false),
        KernelEngine.DotnetInteractive => await DotnetInteractiveWorker.StartAsync(workingDirectory, environment, ct).ConfigureAwait(false),
        _ => throw new ArgumentOutOfRangeException(nameof(engine), engine, "unknown engine"),
    };

    /// <summary>Throws when <paramref name="engine"/> cannot start on this machine, before any notebook runs.</summary>
    /// <exception cref="KernelUnavailableException">The engine is not installed; the message names the command that installs it.</exception>
    static void EnsureInstalled(KernelEngine engine)
    {
        if (engine == KernelEngine.DotnetInteractive)
        {
            _ = KernelTool.Locate();
        }
    }

    /// <summary>The process's exit code, once it has exited.</summary>
    int? ExitCode { get; }

    /// <summary>What the process wrote to stderr (crash reports land there): its start and its end.</summary>
    string StderrExcerpt { get; }

    /// <summary>Sends <see cref="WorkerMessage.Run"/> or <see cref="WorkerMessage.Exit"/>.</summary>
    Task SendAsync(WorkerMessage message);

    /// <summary>The next message; null when the process closed its side (it ended or died).</summary>
    /// <exception cref="OperationCanceledException">When <paramref name="ct"/> fires first.</exception>
    Task<WorkerMessage?> ReceiveAsync(CancellationToken ct);

    /// <summary>Waits for the process to exit; kills it when it lingers past <paramref name="patience"/>.</summary>
    Task WaitForExitAsync(TimeSpan patience);

    /// <summary>Kills the process and every process it started.</summary>
    void Kill();
}
