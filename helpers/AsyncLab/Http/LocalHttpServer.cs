using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace AsyncLab;

/// <summary>
/// A loopback HTTP/1.1 server on a free port for download lessons (no internet needed): delayed responses,
/// deterministic bytes, status codes and slow streaming. Handles requests concurrently, records how many ran
/// at once, and draws its own lanes (<c>server</c>, <c>server 2</c>, … one per concurrent request) in a trace.
/// </summary>
public sealed class LocalHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly Trace? _trace;
    private readonly string _lane;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<Task, byte> _connections = new();
    private readonly List<bool> _slots = [];
    private readonly Task _acceptLoop;
    private int _active;
    private int _peak;
    private int _requests;

    private LocalHttpServer(Trace? trace, string lane)
    {
        _trace = trace;
        _lane = lane;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        BaseAddress = new Uri($"http://127.0.0.1:{Port}/");
        // The server must not inherit the caller's event loop or traced lane: it runs on the thread pool.
        using (ExecutionContext.SuppressFlow())
            _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>
    /// Starts a server on 127.0.0.1 and a free port. Routes: <c>/delay/{ms}</c>, <c>/bytes/{n}?seed=&amp;delay=</c>
    /// (see <see cref="ExpectedBytes"/>), <c>/status/{code}?delay=</c>, <c>/drip?chunks=&amp;interval=&amp;size=</c> (chunked).
    /// </summary>
    /// <param name="trace">
    /// If given, every request is recorded on its own lane: its delay as <see cref="SegmentState.Waiting"/> (a timer holds
    /// no thread), its response writes as running spans, all labelled with the request line.
    /// </param>
    /// <param name="lane">
    /// The lane name: concurrent requests get <c>lane</c>, <c>lane 2</c>, … (one row per request in flight). A request
    /// names its own lane with a <c>lane=</c> query parameter, e.g. <c>/delay/500?lane=server%20for%20A</c>.
    /// </param>
    public static LocalHttpServer Start(Trace? trace = null, string lane = "server")
    {
        ArgumentNullException.ThrowIfNull(lane);
        return new(trace, lane);
    }

    /// <summary>The server's address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The port the server listens on.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Requests answered or in progress since the start.</summary>
    public int RequestCount => Volatile.Read(ref _requests);

    /// <summary>The largest number of requests that were in progress at the same time.</summary>
    public int PeakConcurrency => Volatile.Read(ref _peak);

    /// <summary>The body of <c>/bytes/{n}?seed={seed}</c>, to compare a download with.</summary>
    public static byte[] ExpectedBytes(int n, int seed = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var bytes = new byte[n];
        new DeterministicBytes(seed).Fill(bytes);
        return bytes;
    }

    /// <summary>Stops listening, cancels requests in progress and waits for their connections to close.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested)
            return;
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        await _acceptLoop.ConfigureAwait(false);
        await Task.WhenAll(_connections.Keys).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            var connection = ServeAsync(client);
            _connections.TryAdd(connection, 0);
            _ = connection.ContinueWith(t => _connections.TryRemove(t, out _), TaskScheduler.Default);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            client.NoDelay = true;
            var stream = client.GetStream();
            var reader = new HttpRequestReader(stream);
            var ct = _stop.Token;
            try
            {
                while (await reader.ReadAsync(ct).ConfigureAwait(false) is { } request)
                {
                    await reader.SkipBodyAsync(request.ContentLength, ct).ConfigureAwait(false);
                    await HandleAsync(request, stream, ct).ConfigureAwait(false);
                    if (!request.KeepAlive)
                        break;
                }
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException or InvalidDataException)
            {
                // A client that disconnects early, or a malformed request, ends only its own connection.
            }
        }
    }

    private async Task HandleAsync(HttpRequestHead request, Stream stream, CancellationToken ct)
    {
        Interlocked.Increment(ref _requests);
        var active = Interlocked.Increment(ref _active);
        for (var peak = Volatile.Read(ref _peak); active > peak; peak = Volatile.Read(ref _peak))
        {
            if (Interlocked.CompareExchange(ref _peak, active, peak) == peak)
                break;
        }
        var slot = TakeSlot();
        try
        {
            var recorder = _trace is null
                ? RequestRecorder.None
                : new RequestRecorder(_trace, LaneOf(request, slot), $"{request.Method} {request.Target}");
            await HttpResponder.RespondAsync(request, stream, recorder, ct).ConfigureAwait(false);
            await stream.FlushAsync(ct).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _active);
            lock (_slots)
                _slots[slot] = false;
        }
    }

    private string LaneOf(HttpRequestHead request, int slot) =>
        request.Query.TryGetValue("lane", out var named) && named.Length > 0 ? named
        : slot == 0 ? _lane
        : $"{_lane} {slot + 1}";

    /// <summary>The lowest free lane index, so concurrent requests are drawn on separate rows.</summary>
    private int TakeSlot()
    {
        lock (_slots)
        {
            var free = _slots.IndexOf(false);
            if (free < 0)
            {
                _slots.Add(true);
                return _slots.Count - 1;
            }
            _slots[free] = true;
            return free;
        }
    }
}
