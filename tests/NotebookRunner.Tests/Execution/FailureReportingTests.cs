using NotebookRunner.Documents;
using NotebookRunner.Execution;

namespace NotebookRunner.Tests.Execution;

/// <summary>
/// Notebooks that hang, deadlock, crash or flood their output: each failure is reported on the cell that caused it,
/// with what it produced until then, never as a pass, and the run always ends, on both engines. Where the real kernel
/// behaves differently (it cannot interrupt a blocked cell; it drops late writes), the test says what it does instead.
/// </summary>
public sealed class FailureReportingTests
{
    [Theory]
    [InlineData(KernelEngine.Roslyn)]
    [InlineData(KernelEngine.DotnetInteractive)]
    public async Task A_spinning_cell_times_out_with_its_partial_output_and_later_cells_do_not_run(KernelEngine engine)
    {
        var result = await FixtureNotebook.RunFreshAsync("hang.ipynb", engine);

        var hang = result.Cells[0];
        Assert.Equal(CellStatus.TimedOut, hang.Status);
        Assert.Equal("before the loop\n", hang.Text());
        Assert.Contains("hang.ipynb: cell 1 (\"Console.WriteLine(\"before the loop\");\")", hang.FailureMessage);
        Assert.Contains("timeout of 3.0 s", hang.FailureMessage);
        Assert.Equal(hang.FailureMessage, hang.Error().EValue);
        Assert.Equal(CellStatus.NotRun, result.Cells[1].Status);
        Assert.True(result.Elapsed < TimeSpan.FromSeconds(30), $"the run took {result.Elapsed}");
    }

    [Fact]
    public async Task Worker_survives_a_Result_deadlock_and_a_late_write_is_charged_to_the_cell_that_started_it()
    {
        var result = await FixtureNotebook.RunFreshAsync("survivable-failures.ipynb");

        var deadlock = result.Cells[0];
        Assert.Equal(CellStatus.TimedOut, deadlock.Status);
        Assert.Equal("blocking on .Result\n", deadlock.Text());
        Assert.Contains("interrupted while it waited", deadlock.FailureMessage);
        Assert.Contains("cell1.csx:line 10", deadlock.FailureMessage);

        var starter = result.Cells[1];
        Assert.Equal(CellStatus.Failed, starter.Status);
        Assert.Equal("cell 2 ends\nlate from cell 2\n", starter.Text());
        Assert.Contains("cell 2 wrote after it had ended", starter.FailureMessage);

        var bystander = result.Cells[2];
        Assert.Equal(CellStatus.Passed, bystander.Status);
        Assert.Equal([new StreamOutput("stdout", "cell 3 output\n")], bystander.Outputs);

        Assert.Equal(CellStatus.Passed, result.Cells[3].Status);
        Assert.Equal("2", result.Cells[3].Shown());
    }

    [Theory]
    [InlineData("thread-crash.ipynb", "thread boom", KernelEngine.Roslyn)]
    [InlineData("environment-exit.ipynb", "exit code 3", KernelEngine.Roslyn)]
    [InlineData("stack-overflow.ipynb", "Stack overflow", KernelEngine.Roslyn)]
    [InlineData("async-void.ipynb", "async void boom", KernelEngine.Roslyn)]
    [InlineData("thread-crash.ipynb", "thread boom", KernelEngine.DotnetInteractive)]
    [InlineData("environment-exit.ipynb", "exit code 3", KernelEngine.DotnetInteractive)]
    [InlineData("stack-overflow.ipynb", "Stack overflow", KernelEngine.DotnetInteractive)]
    [InlineData("async-void.ipynb", "async void boom", KernelEngine.DotnetInteractive)]
    public async Task A_cell_that_kills_the_worker_is_reported_as_crashed_and_later_cells_do_not_run(string notebook, string evidence, KernelEngine engine)
    {
        var result = await FixtureNotebook.RunFreshAsync(notebook, engine);

        var crashed = result.Cells[0];
        Assert.Equal(CellStatus.Crashed, crashed.Status);
        Assert.Contains($"{notebook}: cell 1", crashed.FailureMessage);
        Assert.Contains("the worker process died", crashed.FailureMessage);
        Assert.Contains(evidence, crashed.FailureMessage);
        Assert.Equal(crashed.FailureMessage, crashed.Error().EValue);
        Assert.Equal(CellStatus.NotRun, result.Cells[1].Status);
        Assert.Null(result.Cells[1].ExecutionCount);
    }

    [Theory]
    [InlineData(KernelEngine.Roslyn)]
    [InlineData(KernelEngine.DotnetInteractive)]
    public async Task Output_of_a_crashed_cell_is_kept(KernelEngine engine)
    {
        var result = await FixtureNotebook.RunFreshAsync("environment-exit.ipynb", engine);

        Assert.Equal("exiting\n", result.Cells[0].Text());
    }

    [Theory]
    [InlineData(KernelEngine.Roslyn)]
    [InlineData(KernelEngine.DotnetInteractive)]
    public async Task Endless_output_is_capped_and_said_to_be_truncated(KernelEngine engine)
    {
        var result = await FixtureNotebook.RunFreshAsync("endless-output.ipynb", engine);

        var flood = result.Cells[0];
        Assert.Equal(CellStatus.TimedOut, flood.Status);
        var text = flood.Text();
        Assert.InRange(text.Length, 1000, 1_100_000);
        if (engine == KernelEngine.Roslyn || text.Length > 1_000_000)
        {
            // The real kernel sends an event per write, which on a busy machine may not reach the cap within the timeout.
            Assert.EndsWith("the rest was dropped]\n", text);
        }
    }

    [Theory]
    [InlineData(KernelEngine.Roslyn)]
    [InlineData(KernelEngine.DotnetInteractive)]
    public async Task The_notebook_timeout_stops_the_cell_that_runs_when_it_expires(KernelEngine engine)
    {
        var result = await FixtureNotebook.RunFreshAsync("slow.ipynb", engine, new ExecutionOptions { NotebookTimeout = TimeSpan.FromSeconds(3) });

        Assert.Equal(CellStatus.TimedOut, result.Cells[0].Status);
        Assert.Contains("the notebook reached its timeout of 3.0 s", result.Cells[0].FailureMessage);
        Assert.Equal(CellStatus.NotRun, result.Cells[1].Status);
    }

    [Fact]
    public async Task Stop_on_error_leaves_the_cells_after_a_failure_not_run()
    {
        var result = await FixtureNotebook.RunFreshAsync("behaviours.ipynb", new ExecutionOptions { StopOnError = true });

        Assert.Equal([CellStatus.Passed, CellStatus.Failed, CellStatus.NotRun], result.Cells.Take(3).Select(c => c.Status));
        Assert.All(result.Cells.Skip(2), c => Assert.Equal(CellStatus.NotRun, c.Status));

        // A cell that throws by design (expect_exception) does not stop the run.
        var expected = await FixtureNotebook.RunFreshAsync("behaviours.ipynb", new ExecutionOptions
        {
            StopOnError = true,
            CellSettings = cell => new CellSettings(ThrowsByDesign: cell.Index == 2),
        });
        Assert.Equal([CellStatus.Passed, CellStatus.Failed, CellStatus.Passed], expected.Cells.Take(3).Select(c => c.Status));
    }

    [Theory]
    [InlineData(KernelEngine.Roslyn)]
    [InlineData(KernelEngine.DotnetInteractive)]
    public async Task Skipped_cells_are_not_run_and_keep_their_reason(KernelEngine engine)
    {
        var options = new ExecutionOptions { CellSettings = cell => new CellSettings(SkipReason: cell.Index == 0 ? "too slow for this test" : null) };
        var result = await FixtureNotebook.RunFreshAsync("slow.ipynb", engine, options);

        Assert.Equal(CellStatus.Skipped, result.Cells[0].Status);
        Assert.Equal("too slow for this test", result.Cells[0].FailureMessage);
        Assert.Null(result.Cells[0].ExecutionCount);
        Assert.Equal("2", result.Cells[1].Shown());
        Assert.Equal(1, result.Cells[1].ExecutionCount);
    }

    [Fact]
    public async Task A_return_value_that_throws_while_shown_fails_its_cell_and_the_session_goes_on()
    {
        var result = await FixtureNotebook.RunFreshAsync("throwing-display.ipynb");

        var throwing = result.Cells[0];
        Assert.Equal(CellStatus.Failed, throwing.Status);
        Assert.Equal("System.DivideByZeroException", throwing.ExceptionType);
        Assert.Contains("cell1.csx:line 3", throwing.FailureMessage);
        Assert.Equal(CellStatus.Passed, result.Cells[1].Status);
        Assert.Equal("next cell", result.Cells[1].Shown());
    }

    [Fact]
    public async Task A_write_after_the_last_cell_is_reported_on_that_cell()
    {
        var result = await FixtureNotebook.RunFreshAsync("late-after-the-end.ipynb");

        var only = result.Cells[0];
        Assert.Equal(CellStatus.Failed, only.Status);
        Assert.Equal("the only cell ends\nlate after the end\n", only.Text());
        Assert.Contains("cell 1 wrote after it had ended", only.FailureMessage);
    }

    [Theory]
    [InlineData(KernelEngine.Roslyn)]
    [InlineData(KernelEngine.DotnetInteractive)]
    public async Task A_crash_after_the_last_cell_is_reported_on_that_cell(KernelEngine engine)
    {
        var result = await FixtureNotebook.RunFreshAsync("crash-after-the-end.ipynb", engine);

        var only = result.Cells[0];
        Assert.Equal(CellStatus.Crashed, only.Status);
        Assert.Contains("after the last cell had ended", only.FailureMessage);
        Assert.Contains("thread boom after the end", only.FailureMessage);
        Assert.Equal(only.FailureMessage, only.Error().EValue);
    }

    [Fact]
    public async Task The_real_kernel_cannot_interrupt_a_Result_deadlock_so_the_timeout_kills_it()
    {
        var result = await FixtureNotebook.RunFreshAsync("survivable-failures.ipynb", KernelEngine.DotnetInteractive);

        var deadlock = result.Cells[0];
        Assert.Equal(CellStatus.TimedOut, deadlock.Status);
        Assert.Contains("The worker process was killed", deadlock.FailureMessage);
        Assert.All(result.Cells.Skip(1), c => Assert.Equal(CellStatus.NotRun, c.Status));
    }

    [Fact]
    public async Task The_real_kernel_drops_a_write_after_its_cell_ended()
    {
        var result = await FixtureNotebook.RunFreshAsync("late-after-the-end.ipynb", KernelEngine.DotnetInteractive);

        var only = result.Cells[0];
        Assert.Equal(CellStatus.Passed, only.Status);
        Assert.Equal("the only cell ends\n", only.Text());
    }

    [Fact]
    public async Task On_the_real_kernel_a_return_value_that_throws_while_shown_fails_its_cell_and_the_session_goes_on()
    {
        var result = await FixtureNotebook.RunFreshAsync("throwing-display.ipynb", KernelEngine.DotnetInteractive);

        // The kernel's formatter calls the enumeration through reflection and reports the wrapper.
        var throwing = result.Cells[0];
        Assert.Equal(CellStatus.Failed, throwing.Status);
        Assert.Equal("System.Reflection.TargetInvocationException", throwing.ExceptionType);
        Assert.Contains("System.DivideByZeroException", throwing.FailureMessage);
        Assert.Equal(CellStatus.Passed, result.Cells[1].Status);
        Assert.Equal("next cell", result.Cells[1].Shown());
    }
}
