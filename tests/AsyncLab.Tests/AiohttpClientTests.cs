using AsyncLab;

namespace AsyncLab.Tests;

/// <summary>The lessons' Python companions download from <see cref="LocalHttpServer"/> with aiohttp.</summary>
public class AiohttpClientTests
{
    private const string Script = """
        import asyncio, json, sys
        import aiohttp

        def expected(n, seed):
            state = (seed * 2654435761 + 1) % 2**32
            out = bytearray()
            for _ in range(n):
                state = (state * 1664525 + 1013904223) % 2**32
                out.append(state >> 24)
            return bytes(out)

        async def main(base):
            async with aiohttp.ClientSession() as session:
                async def get(path):
                    async with session.get(base + path) as r:
                        return r.status, await r.read()
                results = await asyncio.gather(get("delay/400"), get("delay/400"), get("bytes/5000?seed=3"),
                                               get("status/503"), get("drip?chunks=3&interval=20&size=7"))
            print(json.dumps({
                "statuses": [s for s, _ in results],
                "bytes_ok": results[2][1] == expected(5000, 3),
                "drip_len": len(results[4][1]),
            }))

        asyncio.run(main(sys.argv[1]))
        """;

    [Fact]
    public async Task An_aiohttp_client_can_use_every_route_concurrently()
    {
        var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (!Python.Has("aiohttp"))
        {
            Assert.False(ci, "CI=true requires Python with aiohttp (PYTHON or /usr/bin/python3)");
            Console.WriteLine("skipped: no Python with aiohttp found (set PYTHON=/usr/bin/python3)");
            return;
        }
        var path = Path.Combine(Path.GetTempPath(), $"asynclab-aiohttp-{Guid.NewGuid():N}.py");
        await File.WriteAllTextAsync(path, Script);
        try
        {
            await using var server = LocalHttpServer.Start();
            var result = await Python.RunJsonAsync(path, server.BaseAddress.ToString());
            Assert.Equal([200, 200, 200, 503, 200], result["statuses"].EnumerateArray().Select(s => s.GetInt32()));
            Assert.True(result["bytes_ok"].GetBoolean());
            Assert.Equal(21, result["drip_len"].GetInt32());
            Assert.True(server.PeakConcurrency >= 2, $"peak concurrency {server.PeakConcurrency}: the server handled the requests one at a time");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
