using System.Text.Json.Nodes;
using NotebookRunner.Testing;

namespace NotebookRunner.Tests.Testing;

/// <summary>"Break it" mutations: declared in cell metadata, applied to a copy, proven only when their own claim fails first.</summary>
public class MutationTests
{
    private static JsonObject Mutations(params (string Find, string Replace, string Fails)[] mutations) => new()
    {
        ["mutations"] = new JsonArray([.. mutations.Select(m => (JsonNode)new JsonObject { ["find"] = m.Find, ["replace"] = m.Replace, ["fails"] = m.Fails })]),
    };

    private static async Task<IReadOnlyList<MutationResult>> RunFake(params (string Source, JsonObject? Directives, string? StoredStdout)[] cells)
    {
        var path = RunnerFixtures.WriteTemp("lesson.ipynb", RunnerFixtures.Notebook(null, cells));
        return await NotebookTest.RunMutationsAsync(path, new NotebookTestOptions { Executor = new FakeExecutor().RunAsync });
    }

    [Fact]
    public async Task Fixture_mutations_are_proven_only_when_they_break_their_claim()
    {
        var path = RunnerFixtures.Path("mutations/mutations.ipynb");

        var results = await NotebookTest.RunMutationsAsync(path);

        Assert.Equal([true, false, false, true], results.Select(r => r.Proven));
        Assert.Equal($"{path}(cell 3): cell 3, mutation 1 (replace `1 + 2` with `1 + 3`): '✘ one plus two is three' in cell 3", Strip(results[0].Verdict));
        Assert.Equal($"{path}(cell 3): cell 3, mutation 2 (replace `1 + 2` with `2 + 1`): the run passed, so the claim 'one plus two is three' never failed",
                     Strip(results[1].Verdict));
        Assert.Equal($"{path}(cell 3): cell 3, mutation 3 (replace `1 - 2` with `1 + 3`): the text to find does not occur in the cell", results[2].Verdict);
        Assert.Contains("'✘ sorting puts a first' in cell 4", results[3].Verdict);
        Assert.Equal(results[1].Verdict, Assert.Throws<NotebookAssertionException>(results[1].AssertProven).Message);
        results[0].AssertProven();
    }

    [Fact]
    public async Task A_claim_that_fails_in_a_later_cell_proves_the_mutation()
    {
        var results = await RunFake(
            ("print: setup\nprint: x = 2", Mutations(("x = 2", "x = 3", "x is even")), null),
            ("print: x is even", null, null));
        Assert.False(results[0].Proven);   // the fake runs the same text either way: the claim never fails

        var proven = await RunFake(
            ("print: x = 2", Mutations(("print: x = 2", "throw: X: ✘ x is even: measured 3", "x is even")), null),
            ("print: later", null, null));
        Assert.True(proven[0].Proven, proven[0].Verdict);
    }

    [Fact]
    public async Task Another_failure_first_is_not_a_proof_and_says_which_cell_failed()
    {
        var results = await RunFake(
            ("throw: X: ✘ setup works", null, null),
            ("print: ok", Mutations(("print: ok", "throw: X: ✘ the claim", "the claim")), null));
        Assert.False(results[0].Proven);
        Assert.Contains("expected '✘ the claim', but the first failure was cell 1 (before the mutated cell): X: ✘ setup works", results[0].Verdict);

        var other = await RunFake(("print: ok", Mutations(("print: ok", "throw: X: ✘ another claim", "the claim")), null));
        Assert.Contains("expected '✘ the claim', but the first failure was cell 1: X: ✘ another claim", other[0].Verdict);
    }

    [Fact]
    public async Task A_cell_that_throws_by_design_does_not_stop_the_mutated_run()
    {
        var results = await RunFake(
            ("throw: System.TimeoutException: too slow", new JsonObject { ["expect_exception"] = "TimeoutException" }, null),
            ("print: ok", Mutations(("print: ok", "throw: X: ✘ the claim", "the claim")), null));

        Assert.True(results[0].Proven, results[0].Verdict);
    }

    [Fact]
    public async Task Text_found_twice_is_ambiguous()
    {
        var results = await RunFake(("print: a\nprint: a", Mutations(("print: a", "throw: X: ✘ c", "c")), null));

        Assert.Contains("the text to find occurs 2 times in the cell; make it unique", results[0].Verdict);
    }

    [Fact]
    public async Task One_mutation_is_chosen_by_cell_and_number()
    {
        var path = RunnerFixtures.WriteTemp("lesson.ipynb", RunnerFixtures.Notebook(null,
            ("print: ok", Mutations(("print: ok", "print: still ok", "c"), ("print: ok", "throw: X: ✘ c", "c")), null)));
        var options = new NotebookTestOptions { Executor = new FakeExecutor().RunAsync };

        var second = await NotebookTest.RunMutationAsync(path, cellNumber: 1, mutationNumber: 2, options);

        Assert.True(second.Proven, second.Verdict);
        Assert.Equal(new Mutation(1, 2, "print: ok", "throw: X: ✘ c", "c"), second.Mutation);
        var missing = await Assert.ThrowsAsync<ArgumentException>(() => NotebookTest.RunMutationAsync(path, 1, 3, options));
        Assert.Contains("cell 1 declares no mutation 3", missing.Message);
    }

    // Verdicts end with the run's duration, which varies.
    private static string Strip(string verdict) => System.Text.RegularExpressions.Regex.Replace(verdict, @" \(\d+\.\d s\)$", "");
}
