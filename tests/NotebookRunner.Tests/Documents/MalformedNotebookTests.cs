using NotebookRunner.Documents;

namespace NotebookRunner.Tests.Documents;

public class MalformedNotebookTests
{
    [Fact]
    public void Bad_json_names_the_file_line_and_column()
    {
        var path = RunnerFixtures.WriteTemp("bad.ipynb", "{\n \"cells\": [\n  {\"cell_type\": \"code\",}\n ]\n}\n");

        var e = Assert.Throws<NotebookFormatException>(() => NotebookReader.Read(path));

        Assert.Equal(path, e.Path);
        Assert.Equal(3, e.Line);
        Assert.NotNull(e.Column);
        Assert.StartsWith($"{path}(line 3, col {e.Column}): invalid JSON", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_nbformat_is_rejected_at_its_position()
    {
        var path = RunnerFixtures.WriteTemp("old.ipynb", "{\n \"cells\": [],\n \"metadata\": {},\n \"nbformat\": 3,\n \"nbformat_minor\": 0\n}\n");

        var e = Assert.Throws<NotebookFormatException>(() => NotebookReader.Read(path));

        Assert.Equal((4, 14), (e.Line, e.Column));
        Assert.Contains("nbformat 3 is not supported", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 2}", "no 'cells' array", 1)]
    [InlineData("{\"cells\": {}, \"metadata\": {}, \"nbformat\": 4}", "'cells' must be an array", 1)]
    [InlineData("{\"cells\": [], \"nbformat\": \"4\"}", "'nbformat' must be an integer", 1)]
    [InlineData("{\"cells\": []}", "no 'nbformat'", 1)]
    [InlineData("[1, 2]", "must be a JSON object", 1)]
    [InlineData("{\"nbformat\": 4, \"cells\": [\n{\"cell_type\": \"code\", \"source\": 42}]}", "the source of cell 1 must be a string or an array of strings", 2)]
    [InlineData("{\"nbformat\": 4, \"cells\": [\n{\"cell_type\": \"code\", \"source\": [\"a\",\n 7]}]}", "must be a string or an array of strings", 3)]
    [InlineData("{\"nbformat\": 4, \"cells\": [\n{\"cell_type\": \"picture\", \"source\": \"\"}]}", "unknown cell_type 'picture'", 2)]
    [InlineData("{\"nbformat\": 4, \"cells\": [\n{\"source\": \"\"}]}", "'cell_type' is missing", 2)]
    [InlineData("{\"nbformat\": 4, \"cells\": [{\"cell_type\": \"code\", \"source\": \"\",\n \"outputs\": [{\"output_type\": \"movie\"}]}]}", "unknown type 'movie'", 2)]
    [InlineData("{\"nbformat\": 4, \"cells\": [{\"cell_type\": \"code\", \"source\": \"\",\n \"execution_count\": \"one\"}]}", "execution_count of cell 1", 2)]
    public void Structural_errors_name_the_problem_and_line(string json, string problem, int line)
    {
        var path = RunnerFixtures.WriteTemp("broken.ipynb", json);

        var e = Assert.Throws<NotebookFormatException>(() => NotebookReader.Read(path));

        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
        Assert.Equal(line, e.Line);
        Assert.StartsWith(path + "(line ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_and_an_unknown_extension_are_format_errors()
    {
        Assert.Contains("cannot read", Assert.Throws<NotebookFormatException>(() => NotebookReader.Read("/nonexistent/x.ipynb")).Message, StringComparison.Ordinal);
        Assert.Contains("unknown notebook extension", Assert.Throws<NotebookFormatException>(
            () => NotebookReader.Read(RunnerFixtures.WriteTemp("x.txt", "{}"))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_json_in_a_dib_header_names_its_line()
    {
        var path = RunnerFixtures.WriteTemp("bad.dib", "#!meta\n\n{\"kernelInfo\": }\n\n#!csharp\n\n1\n");

        var e = Assert.Throws<NotebookFormatException>(() => NotebookReader.Read(path));

        Assert.Equal(3, e.Line);
        Assert.Contains("#!meta", e.Message, StringComparison.Ordinal);
    }
}
