using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using NotebookRunner.Documents;

namespace NotebookRunner.Execution.Engines.DotnetInteractive;

/// <summary>
/// The parent's handle on the real kernel: <c>dotnet-interactive stdio</c>, the tool VS Code Polyglot launches, driven
/// through its JSON protocol (one command per line on stdin, one event per line on stdout), one cell at a time.
/// </summary>
internal sealed class DotnetInteractiveWorker : ProcessWorker
{
    /// <summary>The kernel takes seconds to start (several more on a loaded machine); a start that takes longer has failed.</summary>
    private static readonly TimeSpan StartupLimit = TimeSpan.FromMinutes(3);

    private readonly KernelEventTranslator _translator = new();
    private readonly StreamWriter _stdin;
    private int _commands;

    private DotnetInteractiveWorker(WorkerProcessHost host)
        : base(host)
    {
        _stdin = host.Process.StandardInput;
        _stdin.NewLine = "\n";
        _ = PumpAsync(host.Process.StandardOutput, _translator.Translate);
    }

    /// <summary>Starts the kernel in <paramref name="workingDirectory"/> and waits for its <c>KernelReady</c> event.</summary>
    /// <exception cref="KernelUnavailableException">The tool is not installed.</exception>
    public static async Task<DotnetInteractiveWorker> StartAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, CancellationToken ct)
    {
        var tool = KernelTool.Locate();
        var start = new ProcessStartInfo(DotnetHost.Path)
        {
            WorkingDirectory = workingDirectory,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = new UTF8Encoding(false),
        };
        foreach (var argument in new[] { tool.EntryPoint, "stdio", "--working-dir", workingDirectory })
        {
            start.ArgumentList.Add(argument);
        }

        // Without this the tool prints a telemetry banner on stdout, in the middle of the protocol.
        start.Environment["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var worker = new DotnetInteractiveWorker(new WorkerProcessHost(start, readsStdout: true));
        using var startup = CancellationTokenSource.CreateLinkedTokenSource(ct);
        startup.CancelAfter(StartupLimit);
        WorkerMessage? ready;
        try
        {
            ready = await worker.ReceiveAsync(startup.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            ready = null;
        }

        if (ready?.Kind == WorkerMessage.Ready)
        {
            ready = await worker.WarmUpAsync(startup.Token).ConfigureAwait(false);
        }

        if (ready?.Kind != WorkerMessage.Ready)
        {
            if (ct.IsCancellationRequested)
            {
                worker.Kill();
                await worker.DisposeAsync().ConfigureAwait(false);
                ct.ThrowIfCancellationRequested();
            }

            var failure = await worker.Host.StartupFailureAsync(
                $"of the dotnet-interactive engine (Microsoft.dotnet-interactive {tool.Version}, {tool.EntryPoint}) did not become ready").ConfigureAwait(false);
            await worker.DisposeAsync().ConfigureAwait(false);
            throw failure;
        }

        return worker;
    }

    /// <summary>
    /// Compiles and runs an expression that declares nothing, so the first cell does not pay for loading and jitting the
    /// compiler (seconds in this kernel), as the Roslyn engine warms up before it says ready. Its outputs are dropped.
    /// </summary>
    /// <returns>A ready message once it ran, or null when the kernel failed or ended first.</returns>
    private async Task<WorkerMessage?> WarmUpAsync(CancellationToken ct)
    {
        const string Representative = "await System.Threading.Tasks.Task.Yield(); new[] { 1, 2 }.Select(v => v * 2).Sum()";
        try
        {
            await SendAsync(new WorkerMessage { Kind = WorkerMessage.Run, Cell = -1, Source = Representative }).ConfigureAwait(false);
            while (await ReceiveAsync(ct).ConfigureAwait(false) is { } message)
            {
                if (message.Kind == WorkerMessage.Done)
                {
                    return message.Status == WorkerMessage.PassedStatus ? new WorkerMessage { Kind = WorkerMessage.Ready } : null;
                }
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
            // Reported as a start that failed.
        }

        return null;
    }

    /// <inheritdoc/>
    public override async Task SendAsync(WorkerMessage message)
    {
        var token = string.Create(CultureInfo.InvariantCulture, $"nbrun-{++_commands}");
        JsonObject command;
        if (message.Kind == WorkerMessage.Run)
        {
            _translator.Begin(message.Cell, token);
            command = new JsonObject
            {
                ["commandType"] = "SubmitCode",
                ["command"] = new JsonObject { ["code"] = message.Source ?? "", ["targetKernelName"] = KernelNames.Resolve(message.KernelName) ?? KernelNames.CSharp },
                ["token"] = token,
            };
        }
        else
        {
            command = new JsonObject { ["commandType"] = "Quit", ["command"] = new JsonObject(), ["token"] = token };
        }

        await _stdin.WriteLineAsync(command.ToJsonString()).ConfigureAwait(false);
        await _stdin.FlushAsync().ConfigureAwait(false);
    }
}
