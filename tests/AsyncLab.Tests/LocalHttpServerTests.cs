using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using AsyncLab;

namespace AsyncLab.Tests;

public class LocalHttpServerTests
{
    [Fact]
    public async Task Bytes_route_serves_the_expected_deterministic_bytes()
    {
        await using var server = LocalHttpServer.Start();
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var body = await http.GetByteArrayAsync("/bytes/200000?seed=7");
        Assert.Equal(LocalHttpServer.ExpectedBytes(200_000, 7), body);
        Assert.NotEqual(LocalHttpServer.ExpectedBytes(16, 7), LocalHttpServer.ExpectedBytes(16, 8));
        Assert.Equal(Uri.UriSchemeHttp, server.BaseAddress.Scheme);
        Assert.Equal("127.0.0.1", server.BaseAddress.Host);
    }

    [Fact]
    public async Task Status_and_unknown_routes_and_bad_numbers()
    {
        await using var server = LocalHttpServer.Start();
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var teapot = await http.GetAsync("/status/418");
        Assert.Equal((HttpStatusCode)418, teapot.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/nowhere")).StatusCode);
        var bad = await http.GetAsync("/delay/soon");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("ms='soon'", await bad.Content.ReadAsStringAsync());
        Assert.Equal(3, server.RequestCount);
    }

    [Fact]
    public async Task Delayed_requests_run_concurrently_and_are_traced_on_server_lanes()
    {
        var trace = new Trace();
        await using var server = LocalHttpServer.Start(trace);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var texts = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => http.GetStringAsync("/delay/300")));
        Assert.All(texts, t => Assert.Equal("delayed 300 ms\n", t));
        // Concurrency is what the server saw at once, not a wall-clock time a starved thread pool can stretch.
        Assert.True(server.PeakConcurrency >= 3, $"peak {server.PeakConcurrency}: not concurrent");
        var spans = trace.Segments.Where(s => s.Lane.StartsWith("server", StringComparison.Ordinal)).ToList();
        var waits = spans.Where(s => s.State == SegmentState.Waiting).ToList();
        var writes = spans.Where(s => s.State == SegmentState.Running).ToList();
        Assert.Equal(5, waits.Count);
        Assert.Equal(5, writes.Count);
        Assert.All(spans, s => Assert.Equal("GET /delay/300", s.Label));
        // The delay holds no thread; the write runs on one, after the delay, on the same lane.
        Assert.All(waits, w => Assert.Equal(0, w.ThreadId));
        Assert.All(waits, w => Assert.InRange(w.DurationMs, 250, 1200));
        Assert.All(writes, w => Assert.NotEqual(0, w.ThreadId));
        Assert.All(waits, w => Assert.Contains(writes, r => r.Lane == w.Lane && r.StartMs >= w.EndMs - 0.01));
        Assert.True(spans.Select(s => s.Lane).Distinct().Count() >= 3);
    }

    [Fact]
    public async Task A_request_names_its_own_lane_and_the_server_its_default()
    {
        var trace = new Trace();
        await using var server = LocalHttpServer.Start(trace, lane: "origin");
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        await http.GetStringAsync("/bytes/10?delay=20&lane=server%20for%20fetch%201");
        await http.GetStringAsync("/status/204");

        Assert.Equal(["origin", "server for fetch 1"], trace.Segments.Select(s => s.Lane).Distinct().Order());
        Assert.Equal([SegmentState.Waiting, SegmentState.Running],
            trace.Segments.Where(s => s.Lane == "server for fetch 1").Select(s => s.State));
        Assert.Equal([SegmentState.Running], trace.Segments.Where(s => s.Lane == "origin").Select(s => s.State));
    }

    [Fact]
    public async Task Drip_streams_chunks_over_time()
    {
        await using var server = LocalHttpServer.Start();
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        using var response = await http.GetAsync("/drip?chunks=4&interval=60&size=10", HttpCompletionOption.ResponseHeadersRead);
        Assert.True(response.Headers.TransferEncodingChunked);
        await using var stream = await response.Content.ReadAsStreamAsync();
        var watch = Stopwatch.StartNew();
        var total = 0;
        var buffer = new byte[100];
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
            total += read;
        Assert.Equal(40, total);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(150), $"drip finished in {watch.Elapsed}");
    }

    [Fact]
    public async Task A_client_that_disconnects_early_does_not_hurt_the_server()
    {
        await using var server = LocalHttpServer.Start();
        using (var rude = new TcpClient())
        {
            await rude.ConnectAsync(IPAddress.Loopback, server.Port);
            var stream = rude.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes("GET /bytes/50000000 HTTP/1.1\r\nHost: x\r\n\r\n"));
            await stream.ReadExactlyAsync(new byte[1000]);
        }
        using (var garbage = new TcpClient())
        {
            await garbage.ConnectAsync(IPAddress.Loopback, server.Port);
            await garbage.GetStream().WriteAsync(Encoding.ASCII.GetBytes("NONSENSE\r\n\r\n"));
        }
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        Assert.Equal("delayed 1 ms\n", await http.GetStringAsync("/delay/1"));
    }

    [Fact]
    public async Task Keep_alive_connections_serve_several_requests()
    {
        await using var server = LocalHttpServer.Start();
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, server.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            "GET /bytes/3?seed=1 HTTP/1.1\r\nHost: x\r\n\r\nGET /status/204 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
        using var reader = new StreamReader(stream, Encoding.Latin1);
        var all = await reader.ReadToEndAsync();
        Assert.StartsWith("HTTP/1.1 200 OK\r\n", all);
        Assert.Contains("Content-Length: 3\r\n", all);
        Assert.Contains("HTTP/1.1 204 No Content\r\n", all);
        Assert.Equal(2, server.RequestCount);
    }
}
