using System.Net.Sockets;
using System.Text;

namespace NotebookRunner.Execution.Engines.Roslyn;

/// <summary>
/// The worker's end of the private channel to the parent: a Unix domain socket, so that user code and child
/// processes writing to fd 1 can never corrupt the protocol.
/// </summary>
internal sealed class WorkerChannel : IDisposable
{
    private readonly Socket _socket;
    private readonly StreamReader _reader;
    private readonly StreamWriter _writer;
    private readonly Lock _sendLock = new();

    private WorkerChannel(Socket socket)
    {
        _socket = socket;
        var stream = new NetworkStream(socket, ownsSocket: false);
        _reader = new StreamReader(stream, new UTF8Encoding(false));
        _writer = new StreamWriter(stream, new UTF8Encoding(false)) { AutoFlush = true, NewLine = "\n" };
    }

    /// <summary>Connects to the socket the parent listens on.</summary>
    public static WorkerChannel Connect(string socketPath)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Connect(new UnixDomainSocketEndPoint(socketPath));
        return new WorkerChannel(socket);
    }

    /// <summary>Sends a message; safe from any thread.</summary>
    public void Send(WorkerMessage message)
    {
        var line = message.ToLine();
        lock (_sendLock)
        {
            _writer.WriteLine(line);
        }
    }

    /// <summary>The next message from the parent, or null when the parent closed the channel.</summary>
    public async Task<WorkerMessage?> ReceiveAsync()
    {
        var line = await _reader.ReadLineAsync().ConfigureAwait(false);
        return line is null ? null : WorkerMessage.FromLine(line);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _reader.Dispose();
        _writer.Dispose();
        _socket.Dispose();
    }
}
