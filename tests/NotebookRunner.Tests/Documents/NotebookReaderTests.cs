using NotebookRunner.Documents;

namespace NotebookRunner.Tests.Documents;

public class NotebookReaderTests
{
    private static readonly System.Text.Json.JsonSerializerOptions RelaxedJson =
        new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public void Reads_the_vscode_shape_with_cells_outputs_and_default_kernel()
    {
        var doc = NotebookReader.Read(RunnerFixtures.Path("documents/vscode-roundtrip.ipynb"));

        Assert.Equal(NotebookFormat.Ipynb, doc.Format);
        Assert.Equal("csharp", doc.DefaultKernelName);
        Assert.Equal([CellKind.Markdown, CellKind.Code, CellKind.Code, CellKind.Code, CellKind.Code], doc.Cells.Select(c => c.Kind));
        Assert.Equal("# A heading\n\nThis is a Markdown cell", doc.Cells[0].Source);
        Assert.Null(doc.Cells[0].KernelName);
        Assert.Equal("csharp", doc.Cells[1].KernelName);
        Assert.Equal(1, doc.Cells[1].ExecutionCount);
        Assert.Equal(new StreamOutput("stdout", "output\r\n"), Assert.Single(doc.Cells[1].Outputs));
        var error = Assert.IsType<ErrorOutput>(Assert.Single(doc.Cells[2].Outputs));
        Assert.StartsWith("System.Exception: oops!", error.EValue, StringComparison.Ordinal);
        var display = Assert.IsType<DisplayOutput>(Assert.Single(doc.Cells[4].Outputs));
        Assert.Equal("<b>\n    An HTML display value\n</b>", Assert.Single(display.Data, p => p.Key == "text/html").Value);
    }

    [Fact]
    public void Points_each_cell_at_the_file_line_where_its_source_starts()
    {
        var path = RunnerFixtures.Path("documents/vscode-roundtrip.ipynb");
        var lines = File.ReadAllLines(path);
        var doc = NotebookReader.Read(path);

        foreach (var cell in doc.Cells)
        {
            var firstSourceLine = cell.Source.Split('\n')[0];
            Assert.Contains(System.Text.Json.JsonSerializer.Serialize(firstSourceLine, RelaxedJson)[1..^1], lines[cell.FileLine!.Value - 1], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Reads_json_mime_types_as_json_text_and_images_as_base64()
    {
        var doc = NotebookReader.Read(RunnerFixtures.Path("documents/polyglot-current.ipynb"));

        var display = doc.Cells[1].Outputs.OfType<DisplayOutput>().Single();
        Assert.Equal("""{"a":"x","b":[1,2]}""", display.Data.Single(p => p.Key == "application/json").Value);
        Assert.Equal("iVBORw0KGgo=", display.Data.Single(p => p.Key == "image/png").Value);
        Assert.Equal([CellKind.Markdown, CellKind.Code, CellKind.Code, CellKind.Raw], doc.Cells.Select(c => c.Kind));
        Assert.Equal("", doc.Cells[2].Source);
    }

    [Theory]
    [InlineData("documents/legacy-two-space.ipynb", "csharp")] // stray kernelInfo with a null default → kernelspec .net-csharp
    [InlineData("documents/jupyter-fsharp-tabs.ipynb", "fsharp")] // kernelspec .net-fsharp only
    [InlineData("documents/dotnet-repl.ipynb", "fsharp")] // polyglot_notebook without the kernelInfo wrapper
    [InlineData("documents/polyglot-current.ipynb", "csharp")]
    public void Resolves_the_default_kernel_of_every_metadata_variant(string fixture, string expected)
    {
        var doc = NotebookReader.Read(RunnerFixtures.Path(fixture));

        Assert.Equal(expected, doc.DefaultKernelName);
        Assert.All(doc.CodeCells.Where(c => c.Metadata.Count == 0 || c.Metadata.ContainsKey("dotnet_repl_cellExecutionStartTime")),
                   c => Assert.Equal(expected, c.KernelName));
    }

    [Fact]
    public void Reads_the_legacy_dotnet_interactive_language_key_as_the_cell_kernel()
    {
        var doc = NotebookReader.Read(RunnerFixtures.Path("documents/legacy-two-space.ipynb"));

        Assert.Equal(["csharp", "pwsh"], doc.CodeCells.Select(c => c.KernelName));
    }

    [Theory]
    [InlineData("""{"kernelspec": {"name": "anything", "language": "C#"}}""", "csharp")]
    [InlineData("""{"dotnet_interactive": {"defaultKernelName": "pwsh"}}""", "pwsh")]
    [InlineData("""{"kernelInfo": {"defaultKernelName": "fsharp"}, "polyglot_notebook": {"kernelInfo": {"defaultKernelName": "csharp"}}}""", "csharp")]
    [InlineData("""{"kernelspec": {"name": ".net-powershell"}}""", "pwsh")]
    [InlineData("{}", "csharp")]
    public void Follows_the_default_kernel_resolution_order(string metadata, string expected)
    {
        var path = RunnerFixtures.WriteTemp("n.ipynb", $$"""{"cells": [], "metadata": {{metadata}}, "nbformat": 4, "nbformat_minor": 2}""");

        Assert.Equal(expected, NotebookReader.Read(path).DefaultKernelName);
    }

    [Theory]
    [InlineData("""{"polyglot_notebook": {"kernelName": "fsharp"}, "dotnet_interactive": {"language": "csharp"}}""", "x", "fsharp")]
    [InlineData("""{"dotnet_interactive": {"language": "pwsh"}}""", "x", "pwsh")]
    [InlineData("""{"polyglot_notebook": {"kernelName": "csharp"}}""", "#!fsharp\nprintfn 1", "fsharp")]
    [InlineData("""{"polyglot_notebook": {"kernelName": "csharp"}}""", "#!C#\n1", "csharp")]
    [InlineData("""{"polyglot_notebook": {"kernelName": "csharp"}}""", "#!time\n1", "csharp")]
    [InlineData("{}", "x", "csharp")]
    public void Resolves_cell_kernels_from_selector_then_metadata_then_default(string cellMetadata, string source, string expected)
    {
        var path = RunnerFixtures.WriteTemp("n.ipynb", $$"""
            {"cells": [{"cell_type": "code", "execution_count": null, "metadata": {{cellMetadata}}, "outputs": [], "source": {{System.Text.Json.JsonSerializer.Serialize(source)}}}],
             "metadata": {}, "nbformat": 4, "nbformat_minor": 2}
            """);

        Assert.Equal(expected, NotebookReader.Read(path).Cells[0].KernelName);
    }

    [Fact]
    public void Reads_a_dib_file_with_its_meta_header_and_kernel_separators()
    {
        var doc = NotebookReader.Read(RunnerFixtures.Path("documents/sample.dib"));

        Assert.Equal(NotebookFormat.Dib, doc.Format);
        Assert.Equal("csharp", doc.DefaultKernelName);
        Assert.Equal([CellKind.Markdown, CellKind.Code, CellKind.Code, CellKind.Code], doc.Cells.Select(c => c.Kind));
        Assert.Equal("# A .dib notebook\n\nProse here.", doc.Cells[0].Source);
        Assert.Equal("var x = 21;\nConsole.WriteLine(x * 2);", doc.Cells[1].Source);
        Assert.Equal([null, "csharp", "fsharp", "csharp"], doc.Cells.Select(c => c.KernelName));
        Assert.Equal("#!time\nawait Task.Delay(1);", doc.Cells[3].Source);
        Assert.Equal(13, doc.Cells[1].FileLine);
    }

    [Fact]
    public void Reads_dib_text_before_the_first_separator_as_a_csharp_cell()
    {
        var doc = NotebookReader.Read(RunnerFixtures.WriteTemp("n.dib", "Console.WriteLine(1);\n\n#!markdown\n\nText\n"));

        Assert.Equal(["Console.WriteLine(1);", "Text"], doc.Cells.Select(c => c.Source));
        Assert.Equal("csharp", doc.Cells[0].KernelName);
    }
}
