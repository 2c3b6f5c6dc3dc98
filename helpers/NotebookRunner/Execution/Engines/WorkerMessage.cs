using System.Text.Json;
using System.Text.Json.Serialization;

namespace NotebookRunner.Execution.Engines;

/// <summary>
/// One message between the parent and a notebook's worker, whatever its engine (<see cref="IKernelWorker"/>). The Roslyn
/// worker sends it as a line of JSON over its private channel; the .NET Interactive worker translates kernel events into it.
/// A single flat shape keeps the protocol small; <see cref="Kind"/> says which fields are used.
/// </summary>
internal sealed class WorkerMessage
{
    /// <summary>Parent → worker: run a cell.</summary>
    public const string Run = "run";
    /// <summary>Parent → worker: finish and exit.</summary>
    public const string Exit = "exit";
    /// <summary>Worker → parent: text written to stdout or stderr while its cell ran.</summary>
    public const string Stream = "stream";
    /// <summary>Worker → parent: connected and warmed up; cell timeouts start counting from here.</summary>
    public const string Ready = "ready";
    /// <summary>Worker → parent: a new display (return value, display(), magic output).</summary>
    public const string Display = "display";
    /// <summary>Worker → parent: an existing display replaced in place.</summary>
    public const string Update = "update";
    /// <summary>Worker → parent: the cell failed with this message.</summary>
    public const string Error = "error";
    /// <summary>Worker → parent: the cell ended; <see cref="Status"/> says how.</summary>
    public const string Done = "done";
    /// <summary>Worker → parent: text written by a cell after that cell had ended.</summary>
    public const string Late = "late";

    /// <summary><see cref="Done"/>: the cell ran to its end.</summary>
    public const string PassedStatus = "passed";
    /// <summary><see cref="Done"/>: the cell failed; <see cref="Text"/> is the error message.</summary>
    public const string FailedStatus = "failed";
    /// <summary><see cref="Done"/>: the worker interrupted the cell at its timeout and lives on.</summary>
    public const string TimedOutStatus = "timedout";

    public string Kind { get; set; } = "";
    /// <summary>Zero-based notebook index of the cell the message belongs to (for late writes: the cell that started the writer).</summary>
    public int Cell { get; set; }
    public string? Text { get; set; }
    public string? Source { get; set; }
    public string? StreamName { get; set; }
    public string? KernelName { get; set; }
    public int DisplayId { get; set; }
    public List<string[]>? Data { get; set; }
    public string? ExceptionType { get; set; }
    public string? Status { get; set; }
    public double TimeoutSeconds { get; set; }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
    };

    /// <summary>The message as one line of JSON (JSON escapes every newline inside strings).</summary>
    public string ToLine() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>Parses a line written by <see cref="ToLine"/>.</summary>
    public static WorkerMessage FromLine(string line) =>
        JsonSerializer.Deserialize<WorkerMessage>(line, JsonOptions) ?? throw new InvalidDataException("Empty worker message.");

    /// <summary>Display data as MIME/content pairs.</summary>
    public static List<string[]> ToData(IEnumerable<KeyValuePair<string, string>> data) =>
        [.. data.Select(kv => new[] { kv.Key, kv.Value })];
}
