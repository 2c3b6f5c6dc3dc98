using System.Text.Json.Nodes;
using NotebookRunner.Documents;
using NotebookRunner.Testing;

namespace NotebookRunner.Tests.Testing;

/// <summary>The test API and the verdict rules, on notebooks executed by <see cref="FakeExecutor"/>.</summary>
public class NotebookTestApiTests
{
    private static Task<NotebookTestResult> Run(string notebookJson, NotebookTestMode mode = NotebookTestMode.Check, string? writeTo = null)
    {
        var path = RunnerFixtures.WriteTemp("lesson.ipynb", notebookJson);
        return NotebookTest.RunAsync(path, new NotebookTestOptions { Mode = mode, Executor = new FakeExecutor().RunAsync, WriteExecutedNotebookTo = writeTo });
    }

    [Fact]
    public async Task Matching_outputs_pass_after_sanitizing()
    {
        var result = await Run(RunnerFixtures.Notebook(null,
            ("print: took 1.52 s on thread 7", null, "took 3.10 s on thread 12\n"),
            ("print: plain", null, "plain\n")));

        Assert.Equal([CellOutcome.Passed, CellOutcome.Passed], result.Cells.Select(c => c.Outcome));
        Assert.Equal(["durations", "thread-ids"], result.Cells[0].SanitizersFired);
        result.AssertMatchesStoredOutputs();
    }

    [Fact]
    public async Task A_difference_fails_check_with_cell_line_and_unified_diff()
    {
        var result = await Run(RunnerFixtures.Notebook(null,
            ("print: same", null, "same\n"),
            ("print: a\nprint: B\nprint: c", null, "a\nb\nc\n")));

        var cell = result.Cells[1];
        Assert.Equal(CellOutcome.Failed, cell.Outcome);
        Assert.Null(cell.Failure);
        var e = Assert.Throws<NotebookAssertionException>(result.AssertMatchesStoredOutputs);
        Assert.Equal(
            $"""
            {result.Path}: 1 of 2 cells did not run as expected or differ from the stored outputs:
            {result.Path}(cell 2, line 3): output differs from the stored output
                --- stored
                +++ actual
                @@ -1,4 +1,4 @@
                 [stdout]
                 a
                -b
                +B
                 c
            """.ReplaceLineEndings("\n"), e.Message);
        result.AssertPassed();
    }

    [Fact]
    public async Task Run_mode_reports_differences_without_failing_on_them()
    {
        var result = await Run(RunnerFixtures.Notebook(null, ("print: new", null, "old\n")), NotebookTestMode.Run);

        Assert.Equal(CellOutcome.Passed, result.Cells[0].Outcome);
        Assert.NotNull(result.Cells[0].Diff);
        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task An_expected_exception_passes_only_when_that_type_is_thrown()
    {
        var expect = new JsonObject { ["expect_exception"] = "System.InvalidOperationException", ["outputs"] = "ignore" };
        var result = await Run(RunnerFixtures.Notebook(null,
            ("throw: System.InvalidOperationException: no", (JsonObject)expect.DeepClone(), null),
            ("print: fine", (JsonObject)expect.DeepClone(), null),
            ("throw: System.ArgumentException: bad", (JsonObject)expect.DeepClone(), null),
            ("hang", (JsonObject)expect.DeepClone(), null)));

        Assert.Equal([CellOutcome.Passed, CellOutcome.Failed, CellOutcome.Failed, CellOutcome.Failed], result.Cells.Select(c => c.Outcome));
        Assert.Equal("expected System.InvalidOperationException but nothing was thrown", result.Cells[1].Failure);
        Assert.Equal("expected System.InvalidOperationException but got System.ArgumentException: System.ArgumentException: bad", result.Cells[2].Failure);
        Assert.StartsWith("expected System.InvalidOperationException but the cell timed out after 2.0 s", result.Cells[3].Failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failures_point_at_the_line_inside_the_cell()
    {
        var ignore = new JsonObject { ["outputs"] = "ignore" };
        var result = await Run(RunnerFixtures.Notebook(null,
            ("compile-error: 4", ignore, null),
            ("throw: System.Exception: boom", (JsonObject)ignore.DeepClone(), null),
            ("crash", (JsonObject)ignore.DeepClone(), null)));

        Assert.Equal((4, "(4,5): error CS0103: The name 'x' does not exist in the current context"), (result.Cells[0].FailureLine, result.Cells[0].Failure));
        Assert.Equal((2, "System.Exception: boom"), (result.Cells[1].FailureLine, result.Cells[1].Failure));
        Assert.Equal("the cell crashed the worker after 1.0 s: the worker exited with code 134", result.Cells[2].Failure);
        var e = Assert.Throws<NotebookAssertionException>(result.AssertPassed);
        Assert.Contains($"{result.Path}(cell 1, line 4): (4,5): error CS0103", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Skipped_cells_are_reported_with_their_reason_and_never_fail()
    {
        var result = await Run(RunnerFixtures.Notebook(null, ("crash", new JsonObject { ["skip"] = "crashes on purpose" }, "kept\n")));

        Assert.Equal(CellOutcome.Skipped, result.Cells[0].Outcome);
        Assert.Equal("crashes on purpose", result.Cells[0].Run.FailureMessage);
        Assert.Equal((0, 0, 1), (result.PassedCount, result.FailedCount, result.SkippedCount));
    }

    [Fact]
    public async Task Pattern_and_kinds_modes_compare_what_they_promise()
    {
        var result = await Run(RunnerFixtures.Notebook(null,
            ("print: elapsed 1234 ms", new JsonObject { ["pattern"] = "^elapsed \\d+ ms$" }, null),
            ("print: elapsed soon", new JsonObject { ["pattern"] = "^elapsed \\d+ ms$" }, null),
            ("print: anything at all", new JsonObject { ["outputs"] = "kinds" }, "something else\n"),
            ("display: 42", new JsonObject { ["outputs"] = "kinds" }, "stdout instead of a display\n")));

        Assert.Equal([CellOutcome.Passed, CellOutcome.Failed, CellOutcome.Passed, CellOutcome.Failed], result.Cells.Select(c => c.Outcome));
        Assert.Equal("output does not match the pattern /^elapsed \\d+ ms$/", result.Cells[1].Failure);
        Assert.Contains("-stdout\n+display text/plain", result.Cells[3].Diff, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cells_after_a_stop_never_count_as_passed()
    {
        var path = RunnerFixtures.WriteTemp("n.ipynb", RunnerFixtures.Notebook(null, ("throw: System.Exception: x", null, null), ("print: b", null, "b\n")));
        var result = await NotebookTest.RunAsync(path, new NotebookTestOptions
        {
            Executor = new FakeExecutor().RunAsync,
            Execution = new NotebookRunner.Execution.ExecutionOptions { StopOnError = true },
        });

        Assert.Equal(CellOutcome.NotRun, result.Cells[1].Outcome);
        Assert.Equal(2, result.FailedCount);
        Assert.Throws<NotebookAssertionException>(result.AssertPassed);
    }

    [Fact]
    public async Task Writes_the_executed_notebook_without_touching_the_source()
    {
        var json = RunnerFixtures.Notebook(null, ("print: fresh", null, "stale\n"));
        var target = Path.Combine(RunnerFixtures.NewTempFolder(), "out.ipynb");

        var result = await Run(json, NotebookTestMode.Run, target);

        Assert.Equal(json, File.ReadAllText(result.Path));
        var written = NotebookReader.Read(target);
        Assert.Equal(new StreamOutput("stdout", "fresh\n"), Assert.Single(written.Cells[0].Outputs));
        Assert.Equal(1, written.Cells[0].ExecutionCount);
    }

    [Fact]
    public async Task Dib_notebooks_run_without_comparing_outputs()
    {
        var path = RunnerFixtures.WriteTemp("n.dib", "#!csharp\n\nprint: hello\n\n#!markdown\n\nprose\n");

        var result = await NotebookTest.RunAsync(path, new NotebookTestOptions { Executor = new FakeExecutor().RunAsync });

        var cell = Assert.Single(result.Cells);
        Assert.Equal((CellOutcome.Passed, (string?)null), (cell.Outcome, cell.Diff));
    }
}
