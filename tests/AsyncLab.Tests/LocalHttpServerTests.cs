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
        var watch = Stopwatch.StartNew();
        var texts = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => http.GetStringAsync("/delay/300")));
        watch.Stop();
        Assert.All(texts, t => Assert.Equal("delayed 300 ms\n", t));
        Assert.True(watch.Elapsed < TimeSpan.FromMilliseconds(1200), $"5 × 300 ms took {watch.Elapsed}: not concurrent");
        Assert.True(server.PeakConcurrency >= 3, $"peak {server.PeakConcurrency}");
        var spans = trace.Segments.Where(s => s.Lane.StartsWith("server", StringComparison.Ordinal)).ToList();
        Assert.Equal(5, spans.Count);
        Assert.All(spans, s => Assert.Equal("GET /delay/300", s.Label));
        Assert.True(spans.Select(s => s.Lane).Distinct().Count() >= 3);
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
