using System.Text.Json.Nodes;
using NotebookRunner.Documents;
using NotebookRunner.Testing;

namespace NotebookRunner.Tests.Testing;

public class DirectiveParserTests
{
    private static NotebookPlan Plan(JsonObject? notebook, params JsonObject?[] cells) =>
        NotebookPlan.Load(RunnerFixtures.WriteTemp("n.ipynb", RunnerFixtures.Notebook(notebook, cells.Select(c => ("x", c, (string?)null)).ToArray())));

    [Fact]
    public void Reads_every_cell_directive()
    {
        var plan = Plan(null,
            new JsonObject { ["skip"] = "needs a GPU" },
            new JsonObject { ["timeout"] = 2.5, ["expect_exception"] = "System.InvalidOperationException", ["outputs"] = "kinds" },
            new JsonObject { ["pattern"] = "^took \\d+ ms$" });

        Assert.Equal("needs a GPU", plan.DirectivesOf(0).SkipReason);
        Assert.Equal(TimeSpan.FromSeconds(2.5), plan.DirectivesOf(1).Timeout);
        Assert.Equal(OutputMode.Kinds, plan.DirectivesOf(1).Outputs);
        Assert.True(plan.DirectivesOf(1).IsExpected("System.InvalidOperationException"));
        Assert.Equal(OutputMode.Pattern, plan.DirectivesOf(2).Outputs);
        Assert.Matches(plan.DirectivesOf(2).Pattern!, "line one\ntook 12 ms\n");
    }

    [Fact]
    public void Mutations_are_read_in_cell_order_with_their_cell_and_number()
    {
        var mutation = new JsonObject { ["find"] = "await Task.Delay(", ["replace"] = "Thread.Sleep(", ["fails"] = "WhenAll takes the longest wait" };
        var plan = Plan(null, null, new JsonObject { ["mutations"] = new JsonArray(mutation.DeepClone(), new JsonObject { ["find"] = "a", ["replace"] = "", ["fails"] = "b" }) });

        Assert.Equal([new Mutation(2, 1, "await Task.Delay(", "Thread.Sleep(", "WhenAll takes the longest wait"), new Mutation(2, 2, "a", "", "b")],
                     plan.Mutations);
        Assert.Empty(plan.DirectivesOf(0).Mutations);
        Assert.Equal("✘ WhenAll takes the longest wait", plan.Mutations[0].ExpectedFailure);
    }

    [Fact]
    public void Notebook_defaults_apply_to_cells_without_their_own()
    {
        var plan = Plan(new JsonObject { ["outputs"] = "ignore", ["timeout"] = 60, ["cell_timeout"] = 5, ["run_alone"] = true, ["sanitizers"] = new JsonArray("guids") },
                        null, new JsonObject { ["outputs"] = "exact" });

        Assert.Equal(OutputMode.Ignore, plan.DirectivesOf(0).Outputs);
        Assert.Equal(OutputMode.Exact, plan.DirectivesOf(1).Outputs);
        Assert.True(plan.Settings.RunAlone);
        Assert.Equal(["guids"], plan.Settings.Sanitizer.Rules.Select(r => r.Name));
        var options = plan.ToExecutionOptions(new NotebookRunner.Execution.ExecutionOptions());
        Assert.Equal(TimeSpan.FromSeconds(5), options.DefaultCellTimeout);
        Assert.Equal(TimeSpan.FromSeconds(60), options.NotebookTimeout);
    }

    [Fact]
    public void Cell_settings_carry_skip_reasons_and_timeouts_to_the_executor()
    {
        var plan = Plan(null, new JsonObject { ["skip"] = "slow" }, new JsonObject { ["timeout"] = 3 }, null);
        var options = plan.ToExecutionOptions(new NotebookRunner.Execution.ExecutionOptions());

        Assert.Equal("slow", options.CellSettings(plan.Document.Cells[0]).SkipReason);
        Assert.Equal(TimeSpan.FromSeconds(3), options.CellSettings(plan.Document.Cells[1]).Timeout);
        Assert.Equal(NotebookRunner.Execution.CellSettings.Default, options.CellSettings(plan.Document.Cells[2]));
    }

    [Theory]
    [InlineData("""{"skip": true}""", "'skip' needs a reason")]
    [InlineData("""{"skip": "  "}""", "'skip' needs a reason")]
    [InlineData("""{"timeout": -1}""", "'timeout' must be a positive number of seconds")]
    [InlineData("""{"timeout": "10s"}""", "'timeout' must be a positive number of seconds")]
    [InlineData("""{"outputs": "fuzzy"}""", "'outputs' is 'fuzzy'; expected exact, ignore, pattern or kinds")]
    [InlineData("""{"outputs": "pattern"}""", "needs a \"pattern\"")]
    [InlineData("""{"pattern": "(unclosed"}""", "invalid regular expression '(unclosed'")]
    [InlineData("""{"expect_exeption": "X"}""", "unknown directive 'expect_exeption'")]
    [InlineData("""["skip"]""", "'notebook_runner' must be an object")]
    [InlineData("""{"mutations": {"find": "a"}}""", "'mutations' must be an array of {\"find\", \"replace\", \"fails\"} objects")]
    [InlineData("""{"mutations": []}""", "'mutations' must be an array")]
    [InlineData("""{"mutations": [{"find": "a", "replace": "b"}]}""", "mutation 1: 'fails' is required")]
    [InlineData("""{"mutations": [{"find": "a", "replace": "b", "fails": "c"}, {"find": "a", "replace": "b", "fails": "c", "why": 1}]}""",
                "mutation 2: unknown directive 'why'; known: find, replace, fails")]
    [InlineData("""{"mutations": [{"find": "a\nb", "replace": "b", "fails": "c"}]}""", "'find' must be one line")]
    [InlineData("""{"mutations": [{"find": " ", "replace": "b", "fails": "c"}]}""", "'find' must not be empty")]
    [InlineData("""{"mutations": [{"find": "a", "replace": 1, "fails": "c"}]}""", "'replace' must be a string")]
    public void Invalid_cell_directives_name_the_file_cell_and_line(string directive, string problem)
    {
        var json = JsonNode.Parse(RunnerFixtures.Notebook(null, ("ok", null, null), ("x", null, null)))!;
        json["cells"]![1]!["metadata"]!["notebook_runner"] = JsonNode.Parse(directive);
        var path = RunnerFixtures.WriteTemp("n.ipynb", json.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));

        var e = Assert.Throws<NotebookFormatException>(() => NotebookPlan.Load(path));

        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
        Assert.Contains("cell 2: invalid notebook_runner metadata", e.Message, StringComparison.Ordinal);
        Assert.StartsWith($"{path}(line {e.Line}): ", e.Message, StringComparison.Ordinal);
        Assert.NotNull(e.Line);
    }

    [Theory]
    [InlineData("""{"sanitizers": ["durations", "nonsense"]}""", "unknown sanitizer 'nonsense'; built-in rules: timestamps, durations")]
    [InlineData("""{"sanitizers": [{"name": "x"}]}""", "sanitizer 'x' needs a \"pattern\"")]
    [InlineData("""{"run_alone": "yes"}""", "'run_alone' must be true or false")]
    [InlineData("""{"parallel": 3}""", "unknown directive 'parallel'")]
    public void Invalid_notebook_settings_name_the_file(string settings, string problem)
    {
        var path = RunnerFixtures.WriteTemp("n.ipynb", RunnerFixtures.Notebook((JsonObject)JsonNode.Parse(settings)!, ("x", null, null)));

        var e = Assert.Throws<NotebookFormatException>(() => NotebookPlan.Load(path));

        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
        Assert.StartsWith($"{path}: notebook metadata: invalid notebook_runner metadata", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Custom_sanitizers_apply_with_their_replacement()
    {
        var plan = Plan(JsonNode.Parse("""{"sanitizers": ["guids", {"name": "pids", "pattern": "pid \\d+", "replacement": "pid <pid>"}]}""")!.AsObject(), (JsonObject?)null);
        var fired = new HashSet<string>();

        var text = plan.Settings.Sanitizer.Apply("pid 4242 wrote 0b6e2bb4-6f8e-4d47-9c1a-0c4c6b1a77e1", fired);

        Assert.Equal("pid <pid> wrote <guid>", text);
        Assert.Equal(["guids", "pids"], fired.Order());
    }

    [Fact]
    public void Exception_types_match_by_full_or_simple_name_only()
    {
        var d = new CellDirectives(ExpectedException: "InvalidOperationException");

        Assert.True(d.IsExpected("System.InvalidOperationException"));
        Assert.False(d.IsExpected("System.MyInvalidOperationException"));
        Assert.False(d.IsExpected(null));
    }
}
