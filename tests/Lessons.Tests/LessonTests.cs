using NotebookRunner.Documents;
using NotebookRunner.Execution;
using NotebookRunner.Testing;
using Xunit.Abstractions;

namespace Lessons.Tests;

/// <summary>
/// Executes every lesson headlessly on both engines: on the runner's own it compares the outputs with the stored ones,
/// as <c>NotebookRunner check</c> does; on the real .NET Interactive kernel (where learners run the lessons) every cell
/// must run as expected, no claim may fail, and each cell must show the same sequence of output kinds as stored.
/// </summary>
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

        Log(notebook, KernelEngine.Roslyn, result);
        result.AssertMatchesStoredOutputs();
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Lesson_runs_on_the_real_kernel_with_the_stored_kinds_of_output(string notebook)
    {
        Assert.False(notebook == NoLessons, $"{LessonNotebooks.Folder} holds no .ipynb lessons; expected {string.Join(", ", LessonNotebooks.Expected)}");

        var path = Path.Combine(LessonNotebooks.Folder, notebook);
        var result = await NotebookTest.RunAsync(path, new NotebookTestOptions
        {
            Mode = NotebookTestMode.Run,
            Execution = LessonNotebooks.Execution with { Kernel = KernelEngine.DotnetInteractive },
        });

        Log(notebook, KernelEngine.DotnetInteractive, result);
        result.AssertPassed();
        var plan = NotebookPlan.Load(path);
        var problems = new List<string>();
        foreach (var cell in result.Cells.Where(c => c.Outcome == NotebookRunner.Testing.CellOutcome.Passed))
        {
            var outputs = cell.Run.Outputs;
            if (outputs.OfType<StreamOutput>().FirstOrDefault(o => o.Text.Contains('✘', StringComparison.Ordinal)) is { } claim)
            {
                problems.Add($"{path}(cell {cell.CellNumber}): a claim failed on the real kernel: {claim.Text.Trim()}");
            }

            var index = cell.Run.CellIndex;
            if (plan.DirectivesOf(index).Outputs != OutputMode.Ignore
                && OutputText.Kinds(plan.Document.Cells[index].Outputs) is var stored && OutputText.Kinds(outputs) is var actual && stored != actual)
            {
                problems.Add($"{path}(cell {cell.CellNumber}): the real kernel shows other kinds of output than stored:\n--- stored\n{stored}+++ real kernel\n{actual}");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private void Log(string notebook, KernelEngine engine, NotebookTestResult result) =>
        log.WriteLine($"{notebook} on {engine}: {result.PassedCount} passed, {result.FailedCount} failed, {result.SkippedCount} skipped "
                      + $"in {result.Elapsed.TotalSeconds:0.0} s (ASYNCLAB_TIME_SCALE={LessonNotebooks.TimeScale})");

    [Fact]
    public void All_expected_lessons_exist()
    {
        var missing = LessonNotebooks.Expected.Except(LessonNotebooks.Found()).ToList();

        Assert.True(missing.Count == 0, $"missing lessons in {LessonNotebooks.Folder}: {string.Join(", ", missing)}");
    }
}
