using System.Text.RegularExpressions;

namespace NotebookRunner.Testing;

/// <summary>The sanitizer rules every notebook can name; all of them apply when a notebook names none.</summary>
public static class BuiltInSanitizers
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.Compiled;

    /// <summary>The built-in rules, in the order they run (timestamps before durations, so a clock time is not read as a duration).</summary>
    public static IReadOnlyList<SanitizerRule> All { get; } =
    [
        new("timestamps",
            new(@"\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2})?|\b\d{1,2}:\d{2}:\d{2}(?:[.,]\d+)?\b", Options),
            "<timestamp>"),
        new("durations",
            new(@"(?<![\w.])\d+(?:[.,]\d+)?\s?(?:ns|µs|us|ms|s|sec|secs|seconds?|milliseconds?|min|minutes?)(?![\w])", Options),
            "<duration>"),
        new("thread-ids",
            new(@"(?i)\b((?:managed\s*)?thread(?:\s*id)?|tid)(\s*[:=#]?\s*)\d+", Options),
            "$1$2<id>"),
        new("task-ids",
            new(@"(?i)\b(task(?:\s*id)?)(\s*[:=#]\s*|\s+#?)\d+", Options),
            "$1$2<id>"),
        new("guids",
            new(@"\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b", Options),
            "<guid>"),
        new("hex-addresses",
            new(@"\b0x[0-9a-fA-F]{4,}\b", Options),
            "0x<address>"),
        new("temp-paths",
            new(@"(?:/tmp|/var/folders/[^\s/]+/[^\s/]+/T|[A-Za-z]:\\Users\\[^\\\s]+\\AppData\\Local\\Temp)(?:[/\\][^\s'""<>]*)?", Options),
            "<temp-path>"),
        new("loopback-ports",
            new(@"\b(localhost|127\.0\.0\.1|\[::1\]):\d{2,5}\b", Options),
            "$1:<port>"),
    ];

    /// <summary>The built-in rule with this name, or null.</summary>
    public static SanitizerRule? Find(string name) => All.FirstOrDefault(r => r.Name == name);
}
