using System.Globalization;
using System.Net;
using System.Text;

namespace AsyncLab;

/// <summary>The routes of <see cref="LocalHttpServer"/>: each writes one complete HTTP/1.1 response.</summary>
internal static class HttpResponder
{
    private const int BlockSize = 64 * 1024;
    private const string Routes = "routes: /delay/{ms}  /bytes/{n}?seed=&delay=  /status/{code}?delay=  /drip?chunks=&interval=&size=\n";

    /// <summary>Answers <paramref name="request"/> on <paramref name="stream"/>; returns the status code sent.</summary>
    /// <remarks>Delays and writes go through <paramref name="recorder"/>, which draws them on the request's lane.</remarks>
    internal static async Task<int> RespondAsync(HttpRequestHead request, Stream stream, RequestRecorder recorder, CancellationToken ct)
    {
        var segments = request.Path.Trim('/').Split('/');
        try
        {
            switch (segments[0])
            {
                case "delay" when segments.Length == 2:
                    var ms = Number(segments[1], "ms", 0, 600_000);
                    await recorder.DelayAsync(ms, ct).ConfigureAwait(false);
                    return await TextAsync(stream, request, 200, $"delayed {ms} ms\n", recorder, ct).ConfigureAwait(false);
                case "bytes" when segments.Length == 2:
                    return await BytesAsync(stream, request, Number(segments[1], "n", 0, int.MaxValue), recorder, ct).ConfigureAwait(false);
                case "status" when segments.Length == 2:
                    var code = Number(segments[1], "code", 200, 599);
                    await recorder.DelayAsync(QueryNumber(request, "delay", 0, 600_000), ct).ConfigureAwait(false);
                    return await TextAsync(stream, request, code, $"{code} {Reason(code)}\n", recorder, ct).ConfigureAwait(false);
                case "drip" when segments.Length == 1:
                    return await DripAsync(stream, request, recorder, ct).ConfigureAwait(false);
                case "" when segments.Length == 1:
                    return await TextAsync(stream, request, 200, Routes, recorder, ct).ConfigureAwait(false);
                default:
                    return await TextAsync(stream, request, 404, $"no route for {request.Path}\n{Routes}", recorder, ct).ConfigureAwait(false);
            }
        }
        catch (FormatException bad)
        {
            return await TextAsync(stream, request, 400, $"bad request: {bad.Message}\n", recorder, ct).ConfigureAwait(false);
        }
    }

    private static async Task<int> BytesAsync(Stream stream, HttpRequestHead request, int length, RequestRecorder recorder, CancellationToken ct)
    {
        var seed = QueryNumber(request, "seed", int.MinValue, int.MaxValue);
        await recorder.DelayAsync(QueryNumber(request, "delay", 0, 600_000), ct).ConfigureAwait(false);
        using var writing = recorder.Writing();
        await HeadAsync(stream, request, 200, "application/octet-stream", length, ct).ConfigureAwait(false);
        var generator = new DeterministicBytes(seed);
        var block = new byte[Math.Min(length, BlockSize)];
        for (var left = length; left > 0; left -= block.Length)
        {
            var chunk = block.AsMemory(0, Math.Min(left, block.Length));
            generator.Fill(chunk.Span);
            await stream.WriteAsync(chunk, ct).ConfigureAwait(false);
            if (left <= block.Length)
                break;
        }
        return 200;
    }

    private static async Task<int> DripAsync(Stream stream, HttpRequestHead request, RequestRecorder recorder, CancellationToken ct)
    {
        var chunks = QueryNumber(request, "chunks", 0, 100_000, fallback: 5);
        var interval = QueryNumber(request, "interval", 0, 600_000, fallback: 100);
        var size = QueryNumber(request, "size", 1, 1 << 20, fallback: 16);
        using (recorder.Writing())
            await HeadAsync(stream, request, 200, "application/octet-stream", contentLength: null, ct).ConfigureAwait(false);
        var body = new byte[size];
        Array.Fill(body, (byte)'*');
        var prefix = Encoding.ASCII.GetBytes(size.ToString("x", CultureInfo.InvariantCulture) + "\r\n");
        for (var i = 0; i < chunks; i++)
        {
            if (i > 0)
                await recorder.DelayAsync(interval, ct).ConfigureAwait(false);
            using var writing = recorder.Writing();
            await stream.WriteAsync(prefix, ct).ConfigureAwait(false);
            await stream.WriteAsync(body, ct).ConfigureAwait(false);
            await stream.WriteAsync("\r\n"u8.ToArray(), ct).ConfigureAwait(false);
            await stream.FlushAsync(ct).ConfigureAwait(false);
        }
        using (recorder.Writing())
            await stream.WriteAsync("0\r\n\r\n"u8.ToArray(), ct).ConfigureAwait(false);
        return 200;
    }

    private static async Task<int> TextAsync(Stream stream, HttpRequestHead request, int code, string text, RequestRecorder recorder, CancellationToken ct)
    {
        using var writing = recorder.Writing();
        var hasBody = code is not (204 or 304);
        var body = hasBody ? Encoding.UTF8.GetBytes(text) : [];
        await HeadAsync(stream, request, code, "text/plain; charset=utf-8", body.Length, ct).ConfigureAwait(false);
        await stream.WriteAsync(body, ct).ConfigureAwait(false);
        return code;
    }

    /// <summary>Writes the status line and headers; a null length means chunked transfer encoding.</summary>
    private static async Task HeadAsync(Stream stream, HttpRequestHead request, int code, string contentType, long? contentLength, CancellationToken ct)
    {
        var head = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {code} {Reason(code)}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Type: {contentType}\r\n")
            .Append(contentLength is { } length
                ? string.Create(CultureInfo.InvariantCulture, $"Content-Length: {length}\r\n")
                : "Transfer-Encoding: chunked\r\n")
            .Append(request.KeepAlive ? "Connection: keep-alive\r\n" : "Connection: close\r\n")
            .Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), ct).ConfigureAwait(false);
    }

    private static string Reason(int code)
    {
        var name = Enum.IsDefined(typeof(HttpStatusCode), code) ? ((HttpStatusCode)code).ToString() : "Status";
        // "NoContent" → "No Content", "OK" stays "OK".
        return string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) && char.IsLower(name[i - 1]) ? " " + c : c.ToString()));
    }

    private static int Number(string text, string name, int min, int max) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new FormatException($"{name}='{text}' must be an integer in [{min}, {max}]");

    private static int QueryNumber(HttpRequestHead request, string name, int min, int max, int fallback = 0) =>
        request.Query.TryGetValue(name, out var text) ? Number(text, name, min, max) : fallback;
}
