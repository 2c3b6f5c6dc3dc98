using System.Text.RegularExpressions;

namespace NotebookRunner.Testing;

/// <summary>The sanitizer rules every notebook can name; all of them apply when a notebook names none.</summary>
/// <remarks>The patterns are generated at build time: compiling eight regular expressions at run time cost the runner
/// about 40 ms of its start, before the first notebook's worker could be started.</remarks>
public static partial class BuiltInSanitizers
{
    private const RegexOptions Options = RegexOptions.CultureInvariant;

    /// <summary>The built-in rules, in the order they run (timestamps before durations, so a clock time is not read as a duration).</summary>
    public static IReadOnlyList<SanitizerRule> All { get; } =
    [
        new("timestamps", Timestamps(), "<timestamp>"),
        new("durations", Durations(), "<duration>"),
        new("thread-ids", ThreadIds(), "$1$2<id>"),
        new("task-ids", TaskIds(), "$1$2<id>"),
        new("guids", Guids(), "<guid>"),
        new("hex-addresses", HexAddresses(), "0x<address>"),
        new("temp-paths", TempPaths(), "<temp-path>"),
        new("loopback-ports", LoopbackPorts(), "$1:<port>"),
    ];

    /// <summary>The built-in rule with this name, or null.</summary>
    public static SanitizerRule? Find(string name) => All.FirstOrDefault(r => r.Name == name);

    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2})?|\b\d{1,2}:\d{2}:\d{2}(?:[.,]\d+)?\b", Options)]
    private static partial Regex Timestamps();

    [GeneratedRegex(@"(?<![\w.])\d+(?:[.,]\d+)?\s?(?:ns|µs|us|ms|s|sec|secs|seconds?|milliseconds?|min|minutes?)(?![\w])", Options)]
    private static partial Regex Durations();

    [GeneratedRegex(@"(?i)\b((?:managed\s*)?thread(?:\s*id)?|tid)(\s*[:=#]?\s*)\d+", Options)]
    private static partial Regex ThreadIds();

    [GeneratedRegex(@"(?i)\b(task(?:\s*id)?)(\s*[:=#]\s*|\s+#?)\d+", Options)]
    private static partial Regex TaskIds();

    [GeneratedRegex(@"\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b", Options)]
    private static partial Regex Guids();

    [GeneratedRegex(@"\b0x[0-9a-fA-F]{4,}\b", Options)]
    private static partial Regex HexAddresses();

    [GeneratedRegex(@"(?:/tmp|/var/folders/[^\s/]+/[^\s/]+/T|[A-Za-z]:\\Users\\[^\\\s]+\\AppData\\Local\\Temp)(?:[/\\][^\s'""<>]*)?", Options)]
    private static partial Regex TempPaths();

    [GeneratedRegex(@"\b(localhost|127\.0\.0\.1|\[::1\]):\d{2,5}\b", Options)]
    private static partial Regex LoopbackPorts();
}
