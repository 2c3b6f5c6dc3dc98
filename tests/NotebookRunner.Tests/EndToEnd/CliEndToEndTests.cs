using System.Xml.Linq;
using NotebookRunner.Documents;

namespace NotebookRunner.Tests.EndToEnd;

/// <summary>The real CLI as a process, with the worker-process executor, on the notebooks in <c>Fixtures/cli</c>.</summary>
public class CliEndToEndTests
{
    private static readonly string Fixtures = RunnerFixtures.Path("cli");

    private static Task<(int Exit, string Output, string Error)> RunCli(params string[] args) => RunnerProcess.RunAsync(Fixtures, args);

    [Fact]
    public async Task Check_passes_fails_and_diffs_real_notebooks_with_exit_code_1()
    {
        var junit = Path.Combine(RunnerFixtures.NewTempFolder(), "junit.xml");

        var (exit, output, error) = await RunCli("check", "-j", "3", "--junit", junit, ".");

        Assert.True(exit == 1, $"exit {exit}\n{output}\n{error}");
        string[] expected =
        [
            "./passing.ipynb(cell 4): passed", // the expected exception
            "./passing.ipynb(cell 5): skipped",
            "./failing.ipynb(cell 2, line 2): System.IndexOutOfRangeException: Index was outside the bounds of the array.\n",
            "./differs.ipynb(cell 1, line 3): output differs from the stored output\n    --- stored\n    +++ actual\n    @@ -1,3 +1,3 @@\n     [stdout]\n     alpha\n    -beta\n    +gamma\n",
            "3 notebooks: 4 cells passed, 2 failed, 1 skipped\n",
        ];
        Assert.All(expected, line => Assert.True(output.Contains(line, StringComparison.Ordinal), $"missing: {line}\n--- output:\n{output}\n--- error:\n{error}"));
        var suites = XDocument.Load(junit).Root!.Elements("testsuite").ToList();
        Assert.Equal(["./differs.ipynb", "./failing.ipynb", "./passing.ipynb"], suites.Select(s => (string?)s.Attribute("name")));
    }

    [Fact]
    public async Task Run_writes_executed_copies_and_exits_0_for_a_passing_notebook()
    {
        var outputDir = RunnerFixtures.NewTempFolder();
        var original = File.ReadAllText(Path.Combine(Fixtures, "passing.ipynb"));

        var (exit, output, error) = await RunCli("run", "--output-dir", outputDir, "passing.ipynb");

        Assert.True(exit == 0, $"exit {exit}\n{output}\n{error}");
        Assert.Equal(original, File.ReadAllText(Path.Combine(Fixtures, "passing.ipynb")));
        var executed = NotebookReader.Read(Path.Combine(outputDir, "passing.ipynb"));
        Assert.Equal(new StreamOutput("stdout", "total 10\n"), Assert.Single(executed.Cells[1].Outputs));
        Assert.Equal([1, 2, 3], executed.CodeCells.Select(c => c.ExecutionCount).OfType<int>());
        Assert.Null(executed.Cells[4].ExecutionCount);
    }
}
