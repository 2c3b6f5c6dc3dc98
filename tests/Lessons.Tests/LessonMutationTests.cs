using NotebookRunner.Testing;
using Xunit.Abstractions;

namespace Lessons.Tests;

/// <summary>
/// Applies every "break it" mutation a lesson declares in its cell metadata, one theory row each, on the Roslyn engine at
/// the CI time scale: the claim the lesson says turns red must be the first thing that fails.
/// </summary>
public class LessonMutationTests(ITestOutputHelper log)
{
    private const string NoMutations = "(no lesson declares a mutation)";

    /// <summary>One row per declared mutation: notebook, cell number, mutation number; a placeholder row when there are none.</summary>
    public static TheoryData<string, int, int> Mutations()
    {
        var rows = new TheoryData<string, int, int>();
        foreach (var notebook in LessonNotebooks.Found())
        {
            foreach (var mutation in NotebookPlan.Load(Path.Combine(LessonNotebooks.Folder, notebook)).Mutations)
            {
                rows.Add(notebook, mutation.CellNumber, mutation.Number);
            }
        }

        if (rows.Count == 0)
        {
            rows.Add(NoMutations, 0, 0);
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(Mutations))]
    public async Task Mutation_breaks_its_claim(string notebook, int cell, int mutation)
    {
        if (notebook == NoMutations)
        {
            Assert.NotEmpty(LessonNotebooks.Found());
            log.WriteLine("No lesson declares a \"break it\" mutation yet; nothing to apply.");
            return;
        }

        var result = await NotebookTest.RunMutationAsync(Path.Combine(LessonNotebooks.Folder, notebook), cell, mutation,
                                                         new NotebookTestOptions { Execution = LessonNotebooks.Execution });

        log.WriteLine(result.Verdict);
        result.AssertProven();
    }
}
