namespace NotebookRunner.Tests.EndToEnd;

/// <summary>
/// The real CLI on notebooks that abuse it (endless output, a megabyte exception message, megabytes of lines): in both
/// modes the console gets a few kilobytes that name the notebook, the cell and the cause.
/// </summary>
public class ReportLimitsEndToEndTests
{
    private static readonly string Fixtures = RunnerFixtures.Path("limits");

    [Theory]
    [InlineData("run", "endless-lines.ipynb")]
    [InlineData("check", "endless-lines.ipynb")]
    [InlineData("run", "../execution/endless-output.ipynb")]
    [InlineData("check", "../execution/endless-output.ipynb")]
    public async Task Endless_output_gives_a_few_kilobytes_naming_the_timeout(string mode, string notebook)
    {
        var outputDir = RunnerFixtures.NewTempFolder();

        var (exit, output, error) = await RunnerProcess.RunAsync(Fixtures, mode, "--output-dir", outputDir, notebook);

        Assert.True(exit == 1, $"exit {exit}\n{output}\n{error}");
        Assert.InRange(output.Length + error.Length, 1, 4 * 1024);
        Assert.Contains($"{notebook}(cell 1, line 1): the cell timed out after", output, StringComparison.Ordinal);
        Assert.Contains("the cell reached its timeout of 3.0 s", output, StringComparison.Ordinal);
        Assert.Contains("spam spam", output, StringComparison.Ordinal);
        Assert.Contains("full output in", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_megabyte_exception_message_gives_a_few_kilobytes_naming_the_exception()
    {
        var (exit, output, error) = await RunnerProcess.RunAsync(Fixtures, "run", "--output-dir", RunnerFixtures.NewTempFolder(), "huge-exception.ipynb");

        Assert.True(exit == 1, $"exit {exit}\n{output[..Math.Min(output.Length, 5000)]}\n{error}");
        Assert.InRange(output.Length + error.Length, 1, 6 * 1024);
        Assert.Contains("huge-exception.ipynb(cell 1, line 2): System.InvalidOperationException: the message goes on:", output, StringComparison.Ordinal);
        Assert.Contains("more lines of the message left out", output, StringComparison.Ordinal);
        Assert.Contains("    | about to throw", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Megabytes_of_lines_that_differ_give_a_diff_cut_at_60_lines()
    {
        var (exit, output, error) = await RunnerProcess.RunAsync(Fixtures, "check", "megabytes-of-lines.ipynb");

        Assert.True(exit == 1, $"exit {exit}\n{output[..Math.Min(output.Length, 5000)]}\n{error}");
        Assert.InRange(output.Length + error.Length, 1, 10 * 1024);
        Assert.Contains("megabytes-of-lines.ipynb(cell 1, line 1): output differs from the stored output", output, StringComparison.Ordinal);
        Assert.Contains("more diff lines left out (a cell's diff is cut at 60 lines or 8 KB); keep the full output with --output-dir DIR", output, StringComparison.Ordinal);
    }
}
