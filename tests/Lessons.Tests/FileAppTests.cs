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

    [Theory]
    [MemberData(nameof(LessonTests.Notebooks), MemberType = typeof(LessonTests))]
    public async Task The_exported_lesson_runs_with_dotnet_run_and_passes_its_checks(string notebook)
    {
        Assert.True(lessons.Export.Exit == 0, lessons.Export.Output);
        var app = $"{ExportedLessons.Folder}/{Path.GetFileNameWithoutExtension(notebook)}.cs";
        var environment = new Dictionary<string, string> { ["ASYNCLAB_TIME_SCALE"] = "0.2" };
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
