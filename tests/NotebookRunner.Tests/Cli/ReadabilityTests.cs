using NotebookRunner.Cli;
using NotebookRunner.Documents;

namespace NotebookRunner.Tests.Cli;

/// <summary>The readability yardstick the lessons are held to: figures per notebook and every place that misses a target.</summary>
public class ReadabilityTests
{
    private static string Lines(int count, string line) => string.Join('\n', Enumerable.Repeat(line, count));

    [Fact]
    public void Figures_and_violations_of_a_notebook()
    {
        var path = RunnerFixtures.WriteTemp("lesson.ipynb", RunnerFixtures.Notebook(null,
            (Lines(35, "using System;"), null, null),                                    // a long first cell of imports is fine
            (Lines(31, "Work();") + "\n\n\n", null, null),                              // trailing blank lines do not count
            ("using System.Text.Json;\nvar x = py.GetProperty(\"a\").GetDouble();\nvar y = py.Json;\n" + new string('x', 111), null, null),
            ("var ok = 1;", null, null)));

        var report = Readability.Of(NotebookReader.Read(path));

        Assert.Equal((4, 17.5, 35, 1, 2), (report.CodeCells, report.MedianLines, report.MaxLines, report.LongLines, report.JsonLines));
        Assert.Equal($"{path}: 4 code cells, lines per cell median 17.5, max 35; 1 lines over 110 characters; 2 hand-parsed JSON lines", report.Summary());
        Assert.Equal(
        [
            "median 17.5 lines per code cell (target ≤ 12)",
            "cell 2: 31 lines (target ≤ 30)",
            "cell 3, line 2: JSON parsed by hand (use Python.RunAsync<T>): var x = py.GetProperty(\"a\").GetDouble();",
            "cell 3, line 3: JSON parsed by hand (use Python.RunAsync<T>): var y = py.Json;",
            "cell 3, line 4: 111 characters (target ≤ 110)",
        ], report.Violations);
    }

    [Fact]
    public void A_long_first_cell_that_is_not_only_imports_is_a_violation()
    {
        var path = RunnerFixtures.WriteTemp("lesson.ipynb", RunnerFixtures.Notebook(null, (Lines(30, "using System;") + "\nvar x = 1;", null, null)));

        Assert.Equal(["median 31 lines per code cell (target ≤ 12)", "cell 1: 31 lines (target ≤ 30)"], Readability.Of(NotebookReader.Read(path)).Violations);
    }

    [Fact]
    public async Task The_command_prints_each_notebook_and_exits_1_on_a_violation()
    {
        var folder = RunnerFixtures.NewTempFolder();
        File.WriteAllText(Path.Combine(folder, "a.ipynb"), RunnerFixtures.Notebook(null, ("var ok = 1;", null, null)));
        File.WriteAllText(Path.Combine(folder, "b.ipynb"), RunnerFixtures.Notebook(null, (Lines(13, "Work();"), null, null)));
        var output = new StringWriter();
        var services = new CliServices((_, _, _, _, _) => throw new InvalidOperationException("nothing runs"), _ => Task.CompletedTask, _ => Task.FromResult(0));

        var exit = await RunnerCli.InvokeAsync(["readability", folder], services, output, new StringWriter(), liveProgress: false);

        Assert.Equal(1, exit);
        Assert.Equal(
            $"""
            {Path.Combine(folder, "a.ipynb")}: 1 code cells, lines per cell median 1, max 1; 0 lines over 110 characters; 0 hand-parsed JSON lines
            {Path.Combine(folder, "b.ipynb")}: 1 code cells, lines per cell median 13, max 13; 0 lines over 110 characters; 0 hand-parsed JSON lines
              ✘ median 13 lines per code cell (target ≤ 12)

            """.ReplaceLineEndings("\n"), output.ToString().ReplaceLineEndings("\n"));
        Assert.Equal(0, await RunnerCli.InvokeAsync(["readability", Path.Combine(folder, "a.ipynb")], services, new StringWriter(), new StringWriter(), false));
        Assert.Equal(2, await RunnerCli.InvokeAsync(["readability", Path.Combine(folder, "missing.ipynb")], services, new StringWriter(), new StringWriter(), false));
    }
}
