using NotebookRunner.Execution;

namespace Lessons.Tests;

/// <summary>Finds the lesson notebooks under <c>notebooks/</c> at the repository root.</summary>
internal static class LessonNotebooks
{
    /// <summary>The lessons issues 4–8 deliver, in order.</summary>
    public static readonly string[] Expected =
    [
        "01-asyncio-layers-in-csharp.ipynb",
        "02-async-notes-fact-checked.ipynb",
        "03-tasks-downloads-loops.ipynb",
        "04-spinner-threads-vs-tasks.ipynb",
        "05-await-gather-create-task.ipynb",
        "06-build-your-own-event-loop.ipynb",
        "07-threads-processes-or-tasks.ipynb",
    ];

    /// <summary>Lessons scale every delay by <c>ASYNCLAB_TIME_SCALE</c>; CI runs them shorter (0.2) than VS Code does, unless the variable says otherwise.</summary>
    public static string TimeScale { get; } = Environment.GetEnvironmentVariable("ASYNCLAB_TIME_SCALE") is { Length: > 0 } value ? value : "0.2";

    /// <summary>How the tests execute a lesson: at <see cref="TimeScale"/>.</summary>
    public static ExecutionOptions Execution { get; } = new() { Environment = new Dictionary<string, string> { ["ASYNCLAB_TIME_SCALE"] = TimeScale } };

    /// <summary>The <c>notebooks/</c> folder.</summary>
    public static string Folder { get; } = Path.Combine(FindRepoRoot(), "notebooks");

    /// <summary>Every <c>.ipynb</c> directly in <c>notebooks/</c>, sorted, relative to it; a new lesson is picked up without a code change.</summary>
    public static IEnumerable<string> Found() =>
        Directory.Exists(Folder)
            ? Directory.EnumerateFiles(Folder, "*.ipynb").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)
            : [];

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AsyncNotebooks.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"AsyncNotebooks.slnx not found above {AppContext.BaseDirectory}");
    }
}
