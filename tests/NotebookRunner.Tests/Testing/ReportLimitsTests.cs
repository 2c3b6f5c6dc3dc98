using System.Text.Json.Nodes;
using System.Xml.Linq;
using NotebookRunner.Documents;
using NotebookRunner.Testing;

namespace NotebookRunner.Tests.Testing;

/// <summary>
/// Reports stay readable whatever the cells did: megabytes of output, a megabyte-long exception message, ten thousand
/// cells. Each report keeps its bound and still names the notebook, the cell and the cause.
/// </summary>
public class ReportLimitsTests
{
    private readonly FakeExecutor _executor = new();

    private static string Lines(string verb, int count, string text) =>
        string.Join('\n', Enumerable.Range(0, count).Select(i => $"{verb}: {text} {i}"));

    private static string TenThousandFailingCells() =>
        RunnerFixtures.Notebook(null, [.. Enumerable.Range(1, 10_000).Select(i => ($"throw: System.Exception: boom {i}", (JsonObject?)null, (string?)null))]);

    [Fact]
    public async Task Run_mode_reports_a_failed_cell_by_its_message_and_the_tail_of_its_output_not_a_diff()
    {
        var path = RunnerFixtures.WriteTemp("flood.ipynb", RunnerFixtures.Notebook(null,
            (Lines("print", 30_000, "spam") + "\nthrow: System.InvalidOperationException: gave up", null, "what it printed last time\n")));

        var (exit, output, _) = await InProcessCli.RunAsync(_executor, liveProgress: false, "run", path);

        Assert.Equal(1, exit);
        Assert.InRange(output.Length, 1, 3 * 1024);
        Assert.Contains($"{path}(cell 1, line 2): System.InvalidOperationException: gave up", output, StringComparison.Ordinal);
        Assert.Contains("    source: print: spam 0 (ran ", output, StringComparison.Ordinal);
        Assert.Contains($"    output, last 10 of 30,001 lines (full output in {path}):\n", output, StringComparison.Ordinal);
        Assert.Contains("    | spam 29999\n", output, StringComparison.Ordinal);
        Assert.DoesNotContain("+++ actual", output, StringComparison.Ordinal);
        Assert.DoesNotContain("what it printed last time", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_mode_cuts_a_diff_of_megabytes_on_both_sides_and_says_where_the_full_output_is()
    {
        var folder = RunnerFixtures.NewTempFolder();
        var path = Path.Combine(folder, "both-sides.ipynb");
        var stored = string.Concat(Enumerable.Range(0, 30_000).Select(i => $"old line {i}\n"));
        File.WriteAllText(path, RunnerFixtures.Notebook(null, (Lines("print", 30_000, "new line"), null, stored)));
        var copies = Path.Combine(folder, "executed");

        var (exit, output, _) = await InProcessCli.RunAsync(_executor, liveProgress: false, "check", "--output-dir", copies, path);

        Assert.Equal(1, exit);
        Assert.InRange(output.Length, 1, 10 * 1024);
        Assert.Contains($"{path}(cell 1, line 2): output differs from the stored output", output, StringComparison.Ordinal);
        Assert.Contains("    -old line 0\n", output, StringComparison.Ordinal);
        var copy = Path.Combine(copies, Path.GetRelativePath("/", path));
        Assert.Contains($"more diff lines left out (a cell's diff is cut at 60 lines or 8 KB); full output in {copy}\n", output, StringComparison.Ordinal);
        Assert.Equal(30_000, ((StreamOutput)Assert.Single(NotebookReader.Read(copy).Cells[0].Outputs)).Text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("old line 29999", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_megabyte_exception_message_is_cut_but_names_its_type()
    {
        var path = RunnerFixtures.WriteTemp("loud.ipynb", RunnerFixtures.Notebook(null,
            ("throw: System.FormatException: " + new string('x', 2_000_000), null, null)));

        var (_, output, _) = await InProcessCli.RunAsync(_executor, liveProgress: false, "check", path);

        Assert.InRange(output.Length, 1, 8 * 1024);
        Assert.Contains($"{path}(cell 1, line 2): System.FormatException: xxx", output, StringComparison.Ordinal);
        Assert.Contains("more characters)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ten_thousand_failing_cells_keep_the_console_the_test_api_and_the_junit_report_bounded()
    {
        var path = RunnerFixtures.WriteTemp("many.ipynb", TenThousandFailingCells());
        var junit = Path.Combine(RunnerFixtures.NewTempFolder(), "junit.xml");

        var (exit, output, _) = await InProcessCli.RunAsync(_executor, liveProgress: false, "check", "--junit", junit, path);

        Assert.Equal(1, exit);
        Assert.InRange(output.Length, 1, 64 * 1024);
        Assert.Contains($"{path}(cell 100): failed in", output, StringComparison.Ordinal);
        Assert.DoesNotContain($"{path}(cell 101): failed in", output, StringComparison.Ordinal);
        Assert.Contains($"{path}: more than 100 cell lines; the rest are counted in the notebook's final line\n", output, StringComparison.Ordinal);
        Assert.Contains($"{path}: FAILED, 0 passed, 10000 failed, 0 skipped", output, StringComparison.Ordinal);
        Assert.Contains($"{path}(cell 20, line 2): System.Exception: boom 20\n    source: throw: System.Exception: boom 20", output, StringComparison.Ordinal);
        Assert.Contains($"{path}(cell 21, line 2): System.Exception: boom 21\n{path}(cell 22", output, StringComparison.Ordinal);
        Assert.Contains("… and 9,880 more failing cells (each is a test case of the --junit report)\n", output, StringComparison.Ordinal);

        var cases = XDocument.Load(junit).Descendants("testcase").ToList();
        Assert.Equal(10_000, cases.Count);
        Assert.Equal($"{path}(cell 10000, line 2): System.Exception: boom 10000", (string?)cases[^1].Element("failure")!.Attribute("message"));

        var result = await NotebookTest.RunAsync(path, new NotebookTestOptions { Executor = _executor.RunAsync });
        var assertion = Assert.Throws<NotebookAssertionException>(result.AssertPassed);
        Assert.InRange(assertion.Message.Length, 1, 32 * 1024);
        Assert.StartsWith($"{path}: 10000 of 10000 cells did not run as expected:\n{path}(cell 1, line 2): System.Exception: boom 1", assertion.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_live_display_lists_at_most_100_failures_per_notebook_and_keeps_its_status_line_short()
    {
        var path = RunnerFixtures.WriteTemp("many.ipynb", TenThousandFailingCells());
        var (_, output, _) = await InProcessCli.RunAsync(_executor, liveProgress: true, "check", path);

        var scrolled = output.Split('\n');
        Assert.Equal(101, scrolled.Count(l => l.Contains('✗') && l.Contains("(cell ", StringComparison.Ordinal)) +
                          scrolled.Count(l => l.Contains("more than 100 cell lines", StringComparison.Ordinal)));
        Assert.All(output.Split('\r'), segment => Assert.True(segment.Split('\n')[0].Length < 1024, "a status line or a listed failure is too long"));
    }

    [Fact]
    public async Task A_cell_with_a_megabyte_first_line_gets_a_short_test_case_name()
    {
        var path = RunnerFixtures.WriteTemp("long-line.ipynb", RunnerFixtures.Notebook(null, ("print: " + new string('y', 1_000_000), null, null)));
        var result = await NotebookTest.RunAsync(path, new NotebookTestOptions { Executor = _executor.RunAsync });

        var name = (string)JUnitReport.Create([result], []).Descendants("testcase").Single().Attribute("name")!;

        Assert.StartsWith("cell 1: print: yyy", name, StringComparison.Ordinal);
        Assert.InRange(name.Length, 1, 300);
    }
}
