using System.Text.Json.Nodes;
using System.Xml.Linq;
using NotebookRunner.Testing;

namespace NotebookRunner.Tests.Testing;

public class JUnitReportTests
{
    [Fact]
    public async Task Has_one_suite_per_notebook_and_one_case_per_cell_with_failure_details()
    {
        var path = RunnerFixtures.WriteTemp("n.ipynb", RunnerFixtures.Notebook(null,
            ("print: ok", null, "ok\n"),
            ("print: new", null, "old\n"),
            ("x", new JsonObject { ["skip"] = "not today" }, null)));
        var result = await NotebookTest.RunAsync(path, new NotebookTestOptions { Executor = new FakeExecutor().RunAsync });
        var report = Path.Combine(RunnerFixtures.NewTempFolder(), "junit.xml");

        JUnitReport.Write(report, [result], [("bad.ipynb", "bad.ipynb(line 1, col 2): invalid JSON")]);

        var root = XDocument.Load(report).Root!;
        Assert.Equal(("testsuites", "4", "1", "1", "1"),
                     (root.Name.LocalName, (string?)root.Attribute("tests"), (string?)root.Attribute("failures"), (string?)root.Attribute("errors"), (string?)root.Attribute("skipped")));
        var suite = root.Elements("testsuite").First();
        Assert.Equal(path, (string?)suite.Attribute("name"));
        var cases = suite.Elements("testcase").ToList();
        Assert.Equal(["cell 1: print: ok", "cell 2: print: new", "cell 3: x"], cases.Select(c => (string?)c.Attribute("name")));
        Assert.Empty(cases[0].Elements());
        var failure = cases[1].Element("failure")!;
        Assert.Equal($"{path}(cell 2, line 2): output differs from the stored output", (string?)failure.Attribute("message"));
        Assert.Contains("-old\n    +new", failure.Value, StringComparison.Ordinal);
        Assert.Equal("not today", (string?)cases[2].Element("skipped")!.Attribute("message"));
        Assert.Equal("bad.ipynb(line 1, col 2): invalid JSON", (string?)root.Elements("testsuite").Last().Element("testcase")!.Element("error")!.Attribute("message"));
    }
}
