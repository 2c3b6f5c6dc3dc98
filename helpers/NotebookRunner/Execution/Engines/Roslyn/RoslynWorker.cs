using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace NotebookRunner.Execution.Engines.Roslyn;

/// <summary>
/// The parent's handle on a Roslyn worker: the process (<c>dotnet NotebookRunner.dll worker</c>) and the private Unix
/// socket it talks over, so that user code and child processes writing to fd 1 can never corrupt the protocol.
/// </summary>
internal sealed class RoslynWorker : ProcessWorker
{
    private readonly Socket _listener;
    private readonly string _socketPath;
    private StreamWriter? _writer;

    private RoslynWorker(WorkerProcessHost host, Socket listener, string socketPath)
        : base(host)
    {
        _listener = listener;
        _socketPath = socketPath;
    }

    /// <summary>Starts a worker in <paramref name="workingDirectory"/> and waits until it has connected.</summary>
    public static async Task<RoslynWorker> StartAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, CancellationToken ct)
    {
        var socketPath = Path.Combine(Path.GetTempPath(), $"nbrun-{Environment.ProcessId}-{Guid.NewGuid():N}.sock");
        var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(socketPath));
        listener.Listen(1);

        var start = new ProcessStartInfo(DotnetHost.Path) { WorkingDirectory = workingDirectory };
        foreach (var argument in new[] { typeof(RoslynWorker).Assembly.Location, "worker", "--channel", socketPath })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var host = new WorkerProcessHost(start, readsStdout: false);
        host.Process.StandardInput.Close();
        var worker = new RoslynWorker(host, listener, socketPath);
        await worker.ConnectAsync(ct).ConfigureAwait(false);
        return worker;
    }

    /// <inheritdoc/>
    public override async Task SendAsync(WorkerMessage message)
    {
        await _writer!.WriteLineAsync(message.ToLine()).ConfigureAwait(false);
        await _writer.FlushAsync().ConfigureAwait(false);
    }

    /// <inheritdoc/>
    protected override void ReleaseChannel()
    {
        _writer?.Dispose();
        _listener.Dispose();
        File.Delete(_socketPath);
    }

    private async Task ConnectAsync(CancellationToken ct)
    {
        using var startup = CancellationTokenSource.CreateLinkedTokenSource(ct);
        startup.CancelAfter(TimeSpan.FromSeconds(60));
        var exited = Host.Process.WaitForExitAsync(startup.Token);
        var accept = _listener.AcceptAsync(startup.Token).AsTask();
        if (await Task.WhenAny(accept, exited).ConfigureAwait(false) != accept || !accept.IsCompletedSuccessfully)
        {
            ct.ThrowIfCancellationRequested();
            throw await Host.StartupFailureAsync("did not connect").ConfigureAwait(false);
        }

        var stream = new NetworkStream(await accept.ConfigureAwait(false), ownsSocket: true);
        _writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\n" };
        _ = PumpAsync(new StreamReader(stream, new UTF8Encoding(false)), WorkerMessage.FromLine);

        // The worker warms the compiler up before it says ready, so that this time is not charged to the first cell.
        WorkerMessage? ready;
        try
        {
            ready = await ReceiveAsync(startup.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            ready = null; // Not ready within the startup limit: reported below like a worker that ended.
        }

        if (ready?.Kind != WorkerMessage.Ready)
        {
            throw await Host.StartupFailureAsync("ended while starting").ConfigureAwait(false);
        }
    }
}
