using System.Text.Json;
using System.Text.RegularExpressions;

namespace NotebookRunner.Execution.Engines.DotnetInteractive;

/// <summary>
/// Turns the kernel's events (one JSON envelope per line on its stdout) into the parent's messages, the way the VS Code
/// extension turns them into cell outputs: only events of the running cell's command and its child commands count;
/// each formatted value not marked <c>suppressDisplay</c> becomes one MIME entry; a display's <c>valueId</c> says which
/// output an update replaces.
/// </summary>
internal sealed partial class KernelEventTranslator
{
    private readonly Dictionary<string, int> _displayIds = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private int _cell = -1;
    private string? _token;
    private string? _reportedError;

    /// <summary>From now on, events of the command <paramref name="token"/> belong to cell <paramref name="cell"/>.</summary>
    public void Begin(int cell, string token)
    {
        lock (_lock)
        {
            (_cell, _token, _reportedError) = (cell, token, null);
        }
    }

    /// <summary>The message for one line of the kernel's stdout, or null when the line is not an event the parent needs.</summary>
    public WorkerMessage? Translate(string line)
    {
        if (!line.StartsWith('{'))
        {
            return null; // The telemetry banner, or a child process writing to the kernel's stdout.
        }

        try
        {
            using var json = JsonDocument.Parse(line);
            lock (_lock)
            {
                return Translate(json.RootElement);
            }
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private WorkerMessage? Translate(JsonElement envelope)
    {
        var type = envelope.TryGetProperty("eventType", out var t) ? t.GetString() : null;
        if (type == "KernelReady")
        {
            return new WorkerMessage { Kind = WorkerMessage.Ready };
        }

        var token = envelope.TryGetProperty("command", out var command) && command.ValueKind == JsonValueKind.Object
                    && command.TryGetProperty("token", out var tok) ? tok.GetString() : null;
        if (_token is null || token is null || !(token == _token || token.StartsWith(_token + ".", StringComparison.Ordinal)))
        {
            return null; // Another command's, or one that arrives after its cell ended: VS Code has no output to put it in.
        }

        var root = token == _token;
        var body = envelope.GetProperty("event");
        switch (type)
        {
            case "StandardOutputValueProduced" or "StandardErrorValueProduced":
                return new WorkerMessage
                {
                    Kind = WorkerMessage.Stream, Cell = _cell, Text = string.Concat(Values(body).Select(v => v[1])),
                    StreamName = type == "StandardOutputValueProduced" ? Documents.StreamOutput.StandardOutput : Documents.StreamOutput.StandardError,
                };
            case "DisplayedValueProduced" or "ReturnValueProduced" or "DisplayedValueUpdated":
                var data = Values(body);
                return data.Count == 0 ? null : new WorkerMessage
                {
                    Kind = type == "DisplayedValueUpdated" ? WorkerMessage.Update : WorkerMessage.Display,
                    Cell = _cell, Data = data, DisplayId = DisplayId(body),
                };
            case "ErrorProduced":
                _reportedError ??= Message(body);
                return null;
            case "CommandFailed" when root:
                var message = Message(body);
                return Done(WorkerMessage.FailedStatus, message, ExceptionTypeIn(message));
            case "CommandSucceeded" when root:
                return _reportedError is null ? Done(WorkerMessage.PassedStatus, null, null) : Done(WorkerMessage.FailedStatus, _reportedError, null);
            default:
                return null;
        }
    }

    private WorkerMessage Done(string status, string? text, string? exceptionType)
    {
        var done = new WorkerMessage { Kind = WorkerMessage.Done, Cell = _cell, Status = status, Text = text, ExceptionType = exceptionType };
        _token = null;
        return done;
    }

    /// <summary>A display's id as the parent numbers them; a value without an id gets a fresh one, as VS Code gives it a fresh output.</summary>
    private int DisplayId(JsonElement body)
    {
        var valueId = body.TryGetProperty("valueId", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString()! : Guid.NewGuid().ToString();
        if (!_displayIds.TryGetValue(valueId, out var number))
        {
            number = _displayIds[valueId] = _displayIds.Count + 1;
        }

        return number;
    }

    private static List<string[]> Values(JsonElement body) =>
        body.TryGetProperty("formattedValues", out var values) && values.ValueKind == JsonValueKind.Array
            ? [.. values.EnumerateArray()
                .Where(v => !(v.TryGetProperty("suppressDisplay", out var s) && s.ValueKind == JsonValueKind.True))
                .Select(v => new[] { v.GetProperty("mimeType").GetString() ?? "text/plain", v.GetProperty("value").GetString() ?? "" })]
            : [];

    private static string Message(JsonElement body) =>
        body.TryGetProperty("message", out var message) ? message.GetString() ?? "" : "The kernel reported a failure without a message.";

    /// <summary>The exception type an exception's message starts with (<c>System.InvalidOperationException: boom</c>), or null.</summary>
    private static string? ExceptionTypeIn(string message) => ExceptionHeader().Match(message) is { Success: true } m ? m.Groups["type"].Value : null;

    [GeneratedRegex(@"\A(?<type>[A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)+(?:\+[A-Za-z_]\w*)*)(?::|\r?$)", RegexOptions.Multiline)]
    private static partial Regex ExceptionHeader();
}
