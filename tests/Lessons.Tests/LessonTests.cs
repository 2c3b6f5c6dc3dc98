using NotebookRunner.Testing;
using Xunit.Abstractions;

namespace Lessons.Tests;

/// <summary>Executes every lesson headlessly and compares its outputs with the stored ones, as <c>NotebookRunner check</c> does.</summary>
public class LessonTests(ITestOutputHelper log)
{
    private const string NoLessons = "(no lesson notebooks)";

    /// <summary>One row per notebook in <c>notebooks/</c>; a placeholder row when there are none, so the theory fails instead of vanishing.</summary>
    public static TheoryData<string> Notebooks()
    {
        var found = LessonNotebooks.Found().ToList();
        return new TheoryData<string>(found.Count > 0 ? found : [NoLessons]);
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Lesson_runs_and_matches_its_stored_outputs(string notebook)
    {
        Assert.False(notebook == NoLessons, $"{LessonNotebooks.Folder} holds no .ipynb lessons; expected {string.Join(", ", LessonNotebooks.Expected)}");

        var result = await NotebookTest.RunAsync(Path.Combine(LessonNotebooks.Folder, notebook), new NotebookTestOptions
        {
            Mode = NotebookTestMode.Check,
            Execution = LessonNotebooks.Execution,
        });

        log.WriteLine($"{notebook}: {result.PassedCount} passed, {result.FailedCount} failed, {result.SkippedCount} skipped in {result.Elapsed.TotalSeconds:0.0} s (ASYNCLAB_TIME_SCALE={LessonNotebooks.TimeScale})");
        result.AssertMatchesStoredOutputs();
    }

    [Fact]
    public void All_five_lessons_exist()
    {
        var missing = LessonNotebooks.Expected.Except(LessonNotebooks.Found()).ToList();

        Assert.True(missing.Count == 0, $"missing lessons in {LessonNotebooks.Folder}: {string.Join(", ", missing)}");
    }
}
