using System.Text;

namespace AsyncLab;

/// <summary>The parts of an HTTP/1.x request the local server needs: method, path, query, keep-alive and body length.</summary>
internal sealed record HttpRequestHead(string Method, string Target, string Path, IReadOnlyDictionary<string, string> Query, bool KeepAlive, long ContentLength)
{
    /// <summary>Parses the request line and headers (the text before the blank line); null when malformed.</summary>
    internal static HttpRequestHead? Parse(string head)
    {
        var lines = head.Split("\r\n");
        var parts = lines[0].Split(' ');
        if (parts.Length != 3 || !parts[2].StartsWith("HTTP/1.", StringComparison.Ordinal))
            return null;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
                headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }
        var connection = headers.GetValueOrDefault("Connection", "");
        var keepAlive = parts[2] == "HTTP/1.1"
            ? !connection.Equals("close", StringComparison.OrdinalIgnoreCase)
            : connection.Equals("keep-alive", StringComparison.OrdinalIgnoreCase);
        if (!long.TryParse(headers.GetValueOrDefault("Content-Length", "0"), out var length) || length < 0)
            return null;
        var target = parts[1];
        var question = target.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? target : target[..question];
        var query = question < 0 ? new Dictionary<string, string>() : ParseQuery(target[(question + 1)..]);
        return new HttpRequestHead(parts[0], target, Uri.UnescapeDataString(path), query, keepAlive, length);
    }

    private static Dictionary<string, string> ParseQuery(string query)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]);
            values[key] = eq < 0 ? "" : Uri.UnescapeDataString(pair[(eq + 1)..].Replace('+', ' '));
        }
        return values;
    }
}

/// <summary>Reads request heads from a connection, keeping bytes that belong to the next (pipelined) request.</summary>
internal sealed class HttpRequestReader(Stream stream)
{
    private const int MaxHeadBytes = 16 * 1024;
    private readonly byte[] _buffer = new byte[MaxHeadBytes];
    private int _filled;

    /// <summary>The next request head, or null when the client closed the connection. Throws <see cref="InvalidDataException"/> on a malformed or oversized head.</summary>
    internal async Task<HttpRequestHead?> ReadAsync(CancellationToken ct)
    {
        while (true)
        {
            var end = _buffer.AsSpan(0, _filled).IndexOf("\r\n\r\n"u8);
            if (end >= 0)
            {
                var head = Encoding.ASCII.GetString(_buffer, 0, end);
                Consume(end + 4);
                return HttpRequestHead.Parse(head) ?? throw new InvalidDataException("malformed request head");
            }
            if (_filled == _buffer.Length)
                throw new InvalidDataException("request head larger than 16 KB");
            var read = await stream.ReadAsync(_buffer.AsMemory(_filled), ct).ConfigureAwait(false);
            if (read == 0)
                return null;
            _filled += read;
        }
    }

    /// <summary>Reads and discards a request body of <paramref name="length"/> bytes.</summary>
    internal async Task SkipBodyAsync(long length, CancellationToken ct)
    {
        var buffered = Math.Min(length, _filled);
        Consume((int)buffered);
        length -= buffered;
        var scratch = new byte[8192];
        while (length > 0)
        {
            var read = await stream.ReadAsync(scratch.AsMemory(0, (int)Math.Min(scratch.Length, length)), ct).ConfigureAwait(false);
            if (read == 0)
                throw new EndOfStreamException("client closed the connection inside a request body");
            length -= read;
        }
    }

    private void Consume(int count)
    {
        Buffer.BlockCopy(_buffer, count, _buffer, 0, _filled - count);
        _filled -= count;
    }
}
