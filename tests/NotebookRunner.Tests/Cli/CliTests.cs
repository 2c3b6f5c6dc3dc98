using System.Text.Json.Nodes;
using System.Xml.Linq;
using NotebookRunner.Cli;
using NotebookRunner.Documents;

namespace NotebookRunner.Tests.Cli;

/// <summary>The command line run in-process on a fake executor: exit codes, options, reports.</summary>
public class CliTests
{
    private readonly FakeExecutor _executor = new();

    private Task<(int Exit, string Output, string Error)> Cli(params string[] args) => InProcessCli.RunAsync(_executor, liveProgress: false, args);

    private static string Folder(params (string Name, string Json)[] notebooks)
    {
        var folder = RunnerFixtures.NewTempFolder();
        foreach (var (name, json) in notebooks)
        {
            var path = Path.Combine(folder, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, json);
        }

        return folder;
    }

    private static string Passing => RunnerFixtures.Notebook(null, ("print: ok", null, "ok\n"), ("x", new JsonObject { ["skip"] = "slow" }, null));

    [Fact]
    public async Task Exit_code_0_when_every_cell_passes_with_a_summary_line()
    {
        var folder = Folder(("a.ipynb", Passing), ("sub/b.ipynb", Passing));

        var (exit, output, error) = await Cli("check", folder);

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.EndsWith("2 notebooks: 2 cells passed, 0 failed, 2 skipped\n", output, StringComparison.Ordinal);
        Assert.Contains($"{Path.Combine(folder, "sub", "b.ipynb")}(cell 1): passed in", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exit_code_1_when_a_cell_differs_in_check_mode_with_the_diff_printed()
    {
        var folder = Folder(("a.ipynb", RunnerFixtures.Notebook(null, ("print: new", null, "old\n"))));

        var (exit, output, _) = await Cli("check", folder);

        Assert.Equal(1, exit);
        var path = Path.Combine(folder, "a.ipynb");
        Assert.Contains($"{path}(cell 1, line 2): output differs from the stored output\n    --- stored\n    +++ actual\n    @@ -1,2 +1,2 @@\n     [stdout]\n    -old\n    +new\n", output, StringComparison.Ordinal);
        Assert.EndsWith("1 notebook: 0 cells passed, 1 failed, 0 skipped\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exit_code_1_when_a_cell_fails_in_run_mode()
    {
        var folder = Folder(("a.ipynb", RunnerFixtures.Notebook(null, ("throw: System.Exception: boom", null, null))));

        var (exit, output, _) = await Cli("run", folder);

        Assert.Equal(1, exit);
        Assert.Contains($"{Path.Combine(folder, "a.ipynb")}(cell 1, line 2): System.Exception: boom", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exit_code_2_for_an_unreadable_notebook_while_the_others_still_run()
    {
        var folder = Folder(("a.ipynb", "{\"cells\": [,]}"), ("b.ipynb", Passing));

        var (exit, output, error) = await Cli("check", folder);

        Assert.Equal(2, exit);
        Assert.StartsWith($"{Path.Combine(folder, "a.ipynb")}(line 1, col ", error, StringComparison.Ordinal);
        Assert.Single(_executor.Calls);
        Assert.EndsWith("2 notebooks: 1 cells passed, 0 failed, 1 skipped; 1 notebook could not be run\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exit_code_2_for_an_invalid_directive()
    {
        var folder = Folder(("a.ipynb", RunnerFixtures.Notebook(null, ("x", new JsonObject { ["skip"] = true }, null))));

        var (exit, _, error) = await Cli("check", folder);

        Assert.Equal(2, exit);
        Assert.Contains("cell 1: invalid notebook_runner metadata: 'skip' needs a reason", error, StringComparison.Ordinal);
        Assert.Empty(_executor.Calls);
    }

    [Theory]
    [InlineData("check", "/no/such/folder")]
    [InlineData("check", "--no-such-option", ".")]
    [InlineData("check")]
    [InlineData("frobnicate")]
    [InlineData("check", "--shard", "3/2", ".")]
    [InlineData("check", "--shard", "x", ".")]
    [InlineData("check", "-j", "0", ".")]
    [InlineData("check", "--cell-timeout", "-5", ".")]
    public async Task Exit_code_2_for_bad_usage(params string[] args)
    {
        var (exit, _, error) = await Cli(args);

        Assert.Equal(2, exit);
        Assert.NotEqual("", error);
        Assert.Empty(_executor.Calls);
    }

    [Fact]
    public async Task Shards_split_the_sorted_list_without_overlap()
    {
        var folder = Folder(Enumerable.Range(1, 5).Select(i => ($"n{i}.ipynb", Passing)).ToArray());

        await Cli("check", "--shard", "2/2", folder);
        var second = _executor.Calls.Select(c => Path.GetFileName(c.Path)).Order().ToList();
        _executor.Calls.Clear();
        await Cli("check", "--shard", "1/2", folder);
        var first = _executor.Calls.Select(c => Path.GetFileName(c.Path)).Order().ToList();

        Assert.Equal(["n2.ipynb", "n4.ipynb"], second);
        Assert.Equal(["n1.ipynb", "n3.ipynb", "n5.ipynb"], first);
    }

    [Fact]
    public async Task Passes_timeouts_working_directory_and_stop_on_error_to_the_executor()
    {
        var folder = Folder(("a.ipynb", Passing));

        await Cli("check", "--timeout", "90", "--cell-timeout", "7.5", "--working-dir", folder, "--stop-on-error", folder);

        var options = Assert.Single(_executor.Calls).Options;
        Assert.Equal((TimeSpan.FromSeconds(90), TimeSpan.FromSeconds(7.5), folder, true),
                     (options.NotebookTimeout, options.DefaultCellTimeout, options.WorkingDirectory, options.StopOnError));
    }

    [Fact]
    public async Task Run_writes_outputs_in_place_or_as_copies_under_output_dir()
    {
        var folder = Folder(("lessons/a.ipynb", RunnerFixtures.Notebook(null, ("print: fresh", null, "stale\n"))));
        var notebook = Path.Combine(folder, "lessons", "a.ipynb");
        var original = File.ReadAllText(notebook);
        var outputDir = Path.Combine(RunnerFixtures.NewTempFolder(), "executed");

        var previous = Environment.CurrentDirectory;
        Environment.CurrentDirectory = folder;
        try
        {
            Assert.Equal(0, (await Cli("run", "--output-dir", outputDir, "lessons")).Exit);
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }

        Assert.Equal(original, File.ReadAllText(notebook));
        var copy = NotebookReader.Read(Path.Combine(outputDir, "lessons", "a.ipynb"));
        Assert.Equal(new StreamOutput("stdout", "fresh\n"), Assert.Single(copy.Cells[0].Outputs));

        Assert.Equal(0, (await Cli("run", notebook)).Exit);
        Assert.Equal(new StreamOutput("stdout", "fresh\n"), Assert.Single(NotebookReader.Read(notebook).Cells[0].Outputs));
    }

    [Fact]
    public async Task Copies_of_notebooks_outside_the_current_folder_keep_their_full_path_and_never_overwrite_each_other()
    {
        var first = Folder(("x.ipynb", RunnerFixtures.Notebook(null, ("print: first", null, null))));
        var second = Folder(("x.ipynb", RunnerFixtures.Notebook(null, ("print: second", null, null))));
        var outputDir = Path.Combine(RunnerFixtures.NewTempFolder(), "executed");

        Assert.Equal(0, (await Cli("run", "--output-dir", outputDir, Path.Combine(first, "x.ipynb"), Path.Combine(second, "x.ipynb"))).Exit);

        string CopyOf(string folder) => Path.Combine(outputDir, Path.Combine(folder, "x.ipynb")[Path.GetPathRoot(folder)!.Length..]);
        Assert.Equal(new StreamOutput("stdout", "first\n"), Assert.Single(NotebookReader.Read(CopyOf(first)).Cells[0].Outputs));
        Assert.Equal(new StreamOutput("stdout", "second\n"), Assert.Single(NotebookReader.Read(CopyOf(second)).Cells[0].Outputs));
    }

    [Fact]
    public async Task Writes_a_junit_report()
    {
        var folder = Folder(("a.ipynb", Passing), ("b.ipynb", RunnerFixtures.Notebook(null, ("crash", null, null))));
        var junit = Path.Combine(RunnerFixtures.NewTempFolder(), "report.xml");

        var (exit, _, _) = await Cli("check", "--junit", junit, folder);

        Assert.Equal(1, exit);
        var root = XDocument.Load(junit).Root!;
        Assert.Equal(("3", "1", "1"), ((string?)root.Attribute("tests"), (string?)root.Attribute("failures"), (string?)root.Attribute("skipped")));
        Assert.Contains("crashed the worker", root.Descendants("failure").Single().Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Worker_and_bench_verbs_dispatch_to_the_execution_side()
    {
        Assert.Equal(42, (await Cli("worker", "--channel", "x")).Exit); // the fake worker returns 40 + the number of arguments after "worker"
        var (exit, output, _) = await Cli("bench");
        Assert.Equal((0, "bench figures\n"), (exit, output));
    }

    [Fact]
    public async Task Check_with_mutations_applies_each_and_fails_when_one_does_not_break_its_claim()
    {
        static JsonObject Mutation(string find, string replace) => new()
        {
            ["mutations"] = new JsonArray(new JsonObject { ["find"] = find, ["replace"] = replace, ["fails"] = "the claim" }),
        };
        var breaks = RunnerFixtures.Notebook(null, ("print: ok", Mutation("print: ok", "throw: X: ✘ the claim"), "ok\n"));
        var stale = RunnerFixtures.Notebook(null, ("print: ok", Mutation("print: gone", "throw: X: ✘ the claim"), "ok\n"));

        var (exit, output, _) = await Cli("check", Folder(("a.ipynb", breaks)), "--mutations");
        Assert.Equal(0, exit);
        Assert.Contains("✔ ", output);
        Assert.EndsWith("1 mutation: 1 broke their claim, 0 did not\n", output);

        (exit, output, _) = await Cli("check", Folder(("a.ipynb", breaks), ("b.ipynb", stale)), "--mutations");
        Assert.Equal(1, exit);
        Assert.Contains("b.ipynb(cell 1): cell 1, mutation 1 (replace `print: gone` with `throw: X: ✘ the claim`): the text to find does not occur", output);
        Assert.EndsWith("2 mutations: 1 broke their claim, 1 did not\n", output);

        (exit, output, _) = await Cli("check", Folder(("b.ipynb", stale)));
        Assert.Equal(0, exit);   // without --mutations only the cells are checked
        Assert.DoesNotContain("mutation", output);
    }

    [Fact]
    public async Task Help_exits_with_0()
    {
        var (exit, output, _) = await Cli("check", "--help");

        Assert.Equal(0, exit);
        Assert.Contains("--shard", output, StringComparison.Ordinal);
    }
}
