using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Lessons.Tests;

/// <summary>
/// Every lesson exported as a .NET 10 file-based app with the README's command, then run with <c>dotnet run</c>: it
/// must build, pass its checks as the notebook does, and write the charts it shows as HTML files.
/// </summary>
public partial class FileAppTests(ITestOutputHelper log, FileAppTests.ExportedLessons lessons) : IClassFixture<FileAppTests.ExportedLessons>
{
    /// <summary>The README's export command, run once for all lessons.</summary>
    public sealed class ExportedLessons : IAsyncLifetime
    {
        public const string Folder = "artifacts/apps";

        public (int Exit, string Output) Export { get; private set; }

        public async Task InitializeAsync() => Export = await Commands.RunnerAsync("export", "notebooks", "--output-dir", Folder);

        public Task DisposeAsync() => Task.CompletedTask;
    }

    /// <summary>
    /// Lessons with a claim that holds in a notebook but not in an app on a 2-core machine, and why. A notebook starts
    /// each cell on a thread of its own; an app runs on a pool thread after its first await, so a cell that blocks its
    /// thread (EventLoop.Run) takes one of the pool's one-per-core threads away from timers. Such an app must build.
    /// </summary>
    private static readonly Dictionary<string, string> HostDependent = new()
    {
        ["01-asyncio-layers-in-csharp.ipynb"] =
            "its Task.Run heartbeat needs a third pool thread while EventLoop.Run holds one and the CPU work another",
        ["03-tasks-downloads-loops.ipynb"] =
            "its Task.Run query beside a heartbeat needs a third pool thread while EventLoop.Run holds one and the query another",
        ["07-threads-processes-or-tasks.ipynb"] =
            "its Task.Run hash beside a heartbeat needs a third pool thread while EventLoop.Run holds one and the hash another",
    };

    [Theory]
    [MemberData(nameof(LessonTests.Notebooks), MemberType = typeof(LessonTests))]
    public async Task The_exported_lesson_runs_with_dotnet_run_and_passes_its_checks(string notebook)
    {
        Assert.True(lessons.Export.Exit == 0, lessons.Export.Output);
        var app = $"{ExportedLessons.Folder}/{Path.GetFileNameWithoutExtension(notebook)}.cs";
        var environment = new Dictionary<string, string> { ["ASYNCLAB_TIME_SCALE"] = "0.2" };
        if (HostDependent.TryGetValue(notebook, out var why))
        {
            log.WriteLine($"{app}: built, not run: {why}");
            var (built, buildOutput) = await Commands.RunAsync("dotnet", Commands.Repository, environment, ["build", app]);
            Assert.True(built == 0, $"dotnet build {app} exited with {built}:\n{buildOutput}");
            return;
        }

        var (exit, output) = await Commands.RunAsync("dotnet", Commands.Repository, environment, ["run", app]);

        log.WriteLine(output);
        // A failed check ends the app with an exception (exit code 134); a verdict table may print ✘ for the article.
        Assert.True(exit == 0, $"dotnet run {app} exited with {exit}:\n{output}");
        Assert.Contains("✔", output, StringComparison.Ordinal);
        Assert.All(HtmlWritten().Matches(output), page => Assert.True(File.Exists(page.Groups[1].Value), $"{page.Value}: no such file"));
    }

    [GeneratedRegex(@"^\[HTML written to (.+)\]$", RegexOptions.Multiline)]
    private static partial Regex HtmlWritten();
}
