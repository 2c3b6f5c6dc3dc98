using System.Text.Json.Nodes;
using NotebookRunner.Documents;
using NotebookRunner.Execution;

namespace NotebookRunner.Tests.Documents;

public class NotebookWriterTests
{
    [Theory]
    [InlineData("documents/vscode-roundtrip.ipynb")] // the compat spec §1.7 file, as VS Code saved it
    [InlineData("documents/polyglot-current.ipynb")] // unicode, <>&, control characters, json and png outputs, unknown keys
    [InlineData("documents/legacy-two-space.ipynb")] // two-space indent, legacy metadata, attachments
    [InlineData("documents/jupyter-fsharp-tabs.ipynb")] // tab indent, source as one string
    public void An_unexecuted_notebook_is_written_back_byte_for_byte(string fixture)
    {
        var path = RunnerFixtures.Path(fixture);

        Assert.Equal(File.ReadAllText(path), NotebookWriter.ToJson(NotebookReader.Read(path)));
    }

    [Fact]
    public void Sorts_keys_of_a_dotnet_repl_file_as_vscode_does_on_save()
    {
        var json = NotebookWriter.ToJson(NotebookReader.Read(RunnerFixtures.Path("documents/dotnet-repl.ipynb")));

        Assert.True(json.IndexOf("\"cells\"", StringComparison.Ordinal) < json.IndexOf("\"metadata\": {\n  \"language_info\"", StringComparison.Ordinal));
        Assert.Contains("   \"cell_type\": \"code\",\n   \"execution_count\": null,\n   \"metadata\"", json, StringComparison.Ordinal);
        Assert.EndsWith("}\n", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Replaces_only_the_outputs_and_count_of_executed_cells()
    {
        var path = RunnerFixtures.Path("documents/vscode-roundtrip.ipynb");
        var original = File.ReadAllText(path);
        var doc = NotebookReader.Read(path);

        doc.RecordResult(new CellRunResult(1, CellStatus.Passed, [new StreamOutput("stdout", "new output\nline 2")], 7, TimeSpan.Zero, null, null));
        doc.RecordResult(new CellRunResult(3, CellStatus.Skipped, [], null, TimeSpan.Zero, null, "skipped"));
        var json = NotebookWriter.ToJson(doc);

        var expected = original
            .Replace("\"execution_count\": 1,", "\"execution_count\": 7,", StringComparison.Ordinal)
            .Replace("      \"output\\r\\n\"\n", "      \"new output\\n\",\n      \"line 2\"\n", StringComparison.Ordinal);
        Assert.Equal(expected, json);
    }

    [Fact]
    public void Writes_outputs_in_the_vscode_shapes()
    {
        var doc = NotebookReader.Read(RunnerFixtures.WriteTemp("n.ipynb", RunnerFixtures.Notebook(null, ("x", null, null))));
        doc.RecordResult(new CellRunResult(0, CellStatus.Failed,
        [
            new StreamOutput("stdout", "a\n"),
            new DisplayOutput([new("text/html", "<b>1</b>\n<i>2</i>"), new("text/plain", "1"), new("application/json", """{"z":1,"a":2}"""), new("image/png", "AAAA")]),
            new ErrorOutput("Error", "System.Exception: x\n   at y", ["System.Exception: x", "   at y"]),
        ], 1, TimeSpan.Zero, "System.Exception", null));

        var cell = JsonNode.Parse(NotebookWriter.ToJson(doc))!["cells"]![0]!;

        Assert.Equal("""{"name":"stdout","output_type":"stream","text":["a\n"]}""", cell["outputs"]![0]!.ToJsonString());
        Assert.Equal(JsonNode.Parse("""{"data":{"application/json":{"a":2,"z":1},"image/png":"AAAA","text/html":["<b>1</b>\n","<i>2</i>"],"text/plain":["1"]},"metadata":{},"output_type":"display_data"}""")!.ToJsonString(),
                     cell["outputs"]![1]!.ToJsonString());
        Assert.Equal("error", cell["outputs"]![2]!["output_type"]!.GetValue<string>());
        Assert.Equal(1, cell["execution_count"]!.GetValue<int>());
    }

    [Fact]
    public void Escapes_like_javascript_json_stringify()
    {
        var doc = NotebookReader.Read(RunnerFixtures.WriteTemp("n.ipynb", RunnerFixtures.Notebook(null, ("x", null, null))));
        doc.RecordResult(new CellRunResult(0, CellStatus.Passed, [new StreamOutput("stdout", "é<>&'/\"\\\t\u0001\u001b\u2028🧵")], 1, TimeSpan.Zero, null, null));

        var json = NotebookWriter.ToJson(doc);

        Assert.Contains("\"é<>&'/\\\"\\\\\\t\\u0001\\u001b\u2028🧵\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Completes_metadata_after_a_run_so_polyglot_claims_the_notebook()
    {
        var path = RunnerFixtures.WriteTemp("n.ipynb", """
            {"cells": [{"cell_type": "code", "execution_count": null, "metadata": {}, "outputs": [], "source": "1"},
                       {"cell_type": "markdown", "metadata": {}, "source": "text"}],
             "metadata": {"language_info": {"name": "C#"}, "custom": true}, "nbformat": 4, "nbformat_minor": 5}
            """);
        var doc = NotebookReader.Read(path);
        doc.RecordResult(new CellRunResult(0, CellStatus.Passed, [], 1, TimeSpan.Zero, null, null));

        var root = JsonNode.Parse(NotebookWriter.ToJson(doc))!;

        Assert.Equal(".net-csharp", root["metadata"]!["kernelspec"]!["name"]!.GetValue<string>());
        Assert.Equal("csharp", root["metadata"]!["polyglot_notebook"]!["kernelInfo"]!["defaultKernelName"]!.GetValue<string>());
        Assert.Equal("C#", root["metadata"]!["language_info"]!["name"]!.GetValue<string>());
        Assert.True(root["metadata"]!["custom"]!.GetValue<bool>());
        Assert.Equal("polyglot-notebook", root["cells"]![0]!["metadata"]!["vscode"]!["languageId"]!.GetValue<string>());
        Assert.Null(root["cells"]![1]!["metadata"]!["vscode"]);
        Assert.Matches("^[0-9a-f]{8}$", root["cells"]![0]!["id"]!.GetValue<string>());
        Assert.Null(root["cells"]![1]!["id"]);
    }

    [Fact]
    public void Does_not_add_ids_below_nbformat_4_5()
    {
        var doc = NotebookReader.Read(RunnerFixtures.WriteTemp("n.ipynb", RunnerFixtures.Notebook(null, ("x", null, null))));
        doc.RecordResult(new CellRunResult(0, CellStatus.Passed, [], 1, TimeSpan.Zero, null, null));

        var root = JsonNode.Parse(NotebookWriter.ToJson(doc))!;

        Assert.Null(root["cells"]![0]!["id"]);
        Assert.Equal("polyglot-notebook", root["metadata"]!["language_info"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public void Writes_an_edited_source_as_a_line_array()
    {
        var doc = NotebookReader.Read(RunnerFixtures.Path("documents/vscode-roundtrip.ipynb"));
        doc.Cells[1].Source = "var a = 1;\nvar b = 2;\n";

        var source = JsonNode.Parse(NotebookWriter.ToJson(doc))!["cells"]![1]!["source"]!.ToJsonString();

        Assert.Equal("""["var a = 1;\n","var b = 2;\n"]""", source);
    }

    [Fact]
    public void Refuses_to_write_a_dib_file()
    {
        var doc = NotebookReader.Read(RunnerFixtures.Path("documents/sample.dib"));

        Assert.Throws<NotSupportedException>(() => NotebookWriter.ToJson(doc));
    }
}
