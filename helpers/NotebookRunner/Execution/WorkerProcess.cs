using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;

namespace NotebookRunner.Execution;

/// <summary>
/// The parent's handle on a worker: the process (<c>dotnet NotebookRunner.dll worker</c>), the private Unix socket
/// it talks over, and the tails of its fd 1 and fd 2 (child processes and crash reports write there).
/// </summary>
internal sealed class WorkerProcess : IAsyncDisposable
{
    private const int TailChars = 1500;

    private readonly Process _process;
    private readonly Socket _listener;
    private readonly string _socketPath;
    private readonly Channel<WorkerMessage> _inbox = Channel.CreateUnbounded<WorkerMessage>(new() { SingleReader = true });
    private readonly StringBuilder _stderrHead = new();
    private readonly StringBuilder _stderrTail = new();
    private readonly Task _stdoutDrain;
    private readonly Task _stderrDrain;
    private StreamWriter? _writer;

    private WorkerProcess(Process process, Socket listener, string socketPath)
    {
        _process = process;
        _listener = listener;
        _socketPath = socketPath;
        _stdoutDrain = DrainAsync(process.StandardOutput, null, null);
        _stderrDrain = DrainAsync(process.StandardError, _stderrHead, _stderrTail);
    }

    /// <summary>Starts a worker in <paramref name="workingDirectory"/> and waits until it has connected.</summary>
    public static async Task<WorkerProcess> StartAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, CancellationToken ct)
    {
        var socketPath = Path.Combine(Path.GetTempPath(), $"nbrun-{Environment.ProcessId}-{Guid.NewGuid():N}.sock");
        var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(socketPath));
        listener.Listen(1);

        var start = new ProcessStartInfo(DotnetHost.Path)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { typeof(WorkerProcess).Assembly.Location, "worker", "--channel", socketPath })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The worker process did not start.");
        process.StandardInput.Close();
        var worker = new WorkerProcess(process, listener, socketPath);
        await worker.ConnectAsync(ct).ConfigureAwait(false);
        return worker;
    }

    /// <summary>The worker's exit code, once it has exited.</summary>
    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    /// <summary>
    /// What the worker wrote to stderr, where crash reports land: the start (the reason, e.g. "Stack overflow.")
    /// and the end (the last frames), with the middle left out when it is long.
    /// </summary>
    public string StderrExcerpt
    {
        get
        {
            lock (_stderrTail)
            {
                return _stderrHead.Length < TailChars ? _stderrHead.ToString() : $"{_stderrHead}{Environment.NewLine}...{Environment.NewLine}{_stderrTail}";
            }
        }
    }

    /// <summary>Sends a message to the worker.</summary>
    public async Task SendAsync(WorkerMessage message)
    {
        await _writer!.WriteLineAsync(message.ToLine()).ConfigureAwait(false);
        await _writer.FlushAsync().ConfigureAwait(false);
    }

    /// <summary>The next message; null when the channel closed (the worker ended or died).</summary>
    /// <exception cref="OperationCanceledException">When <paramref name="ct"/> fires first.</exception>
    public async Task<WorkerMessage?> ReceiveAsync(CancellationToken ct) =>
        await _inbox.Reader.WaitToReadAsync(ct).ConfigureAwait(false) ? await _inbox.Reader.ReadAsync(ct).ConfigureAwait(false) : null;

    /// <summary>Waits for the worker to exit after its channel closed; kills it when it lingers.</summary>
    public async Task WaitForExitAsync(TimeSpan patience)
    {
        using var timeout = new CancellationTokenSource(patience);
        try
        {
            await _process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Kill();
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        await DrainedAsync().ConfigureAwait(false);
    }

    /// <summary>Waits briefly for the output pipes: a grandchild the worker left behind may hold them open.</summary>
    private async Task DrainedAsync()
    {
        try
        {
            await Task.WhenAll(_stdoutDrain, _stderrDrain).WaitAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // The tail read so far is what gets reported.
        }
    }

    /// <summary>Kills the worker and every process it started.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try
            {
                await SendAsync(new WorkerMessage { Kind = WorkerMessage.Exit }).ConfigureAwait(false);
            }
            catch (IOException)
            {
                // The worker is gone already.
            }

            await WaitForExitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }

        _writer?.Dispose();
        _listener.Dispose();
        _process.Dispose();
        File.Delete(_socketPath);
    }

    private async Task ConnectAsync(CancellationToken ct)
    {
        using var startup = CancellationTokenSource.CreateLinkedTokenSource(ct);
        startup.CancelAfter(TimeSpan.FromSeconds(60));
        var exited = _process.WaitForExitAsync(startup.Token);
        var accept = _listener.AcceptAsync(startup.Token).AsTask();
        if (await Task.WhenAny(accept, exited).ConfigureAwait(false) != accept || !accept.IsCompletedSuccessfully)
        {
            ct.ThrowIfCancellationRequested();
            throw await StartupFailureAsync("did not connect").ConfigureAwait(false);
        }

        var stream = new NetworkStream(await accept.ConfigureAwait(false), ownsSocket: true);
        _writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\n" };
        _ = PumpAsync(new StreamReader(stream, new UTF8Encoding(false)));

        // The worker warms the compiler up before it says ready, so that this time is not charged to the first cell.
        var ready = await ReceiveAsync(startup.Token).ConfigureAwait(false);
        if (ready?.Kind != WorkerMessage.Ready)
        {
            throw await StartupFailureAsync("ended while starting").ConfigureAwait(false);
        }
    }

    private async Task<InvalidOperationException> StartupFailureAsync(string what)
    {
        Kill();
        await DrainedAsync().ConfigureAwait(false);
        var exitCode = ExitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none";
        return new InvalidOperationException($"The worker process {what} (exit code {exitCode}): {StderrExcerpt}");
    }

    private async Task PumpAsync(StreamReader reader)
    {
        try
        {
            while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
            {
                _inbox.Writer.TryWrite(WorkerMessage.FromLine(line));
            }
        }
        catch (IOException)
        {
            // A killed worker resets the connection; that is the end of the channel.
        }
        finally
        {
            _inbox.Writer.TryComplete();
        }
    }

    private static async Task DrainAsync(StreamReader reader, StringBuilder? head, StringBuilder? tail)
    {
        var buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer).ConfigureAwait(false)) > 0)
        {
            if (head is null || tail is null)
            {
                continue;
            }

            lock (tail)
            {
                var toHead = Math.Min(read, TailChars - head.Length);
                head.Append(buffer, 0, toHead);
                tail.Append(buffer, toHead, read - toHead);
                if (tail.Length > TailChars)
                {
                    tail.Remove(0, tail.Length - TailChars);
                }
            }
        }
    }
}
