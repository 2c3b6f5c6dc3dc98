using AsyncLab;

namespace AsyncLab.Tests.Code;

public sealed class CodeTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("asynclab-code-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Script(string text)
    {
        var path = Path.Combine(_folder, $"s{Guid.NewGuid():N}.py");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void A_region_shows_its_lines_dedented_without_the_markers()
    {
        var script = Script("""
            import asyncio

            async def main():
                # region: visit_url
                async def visit_url(url, response_time):
                    await asyncio.sleep(response_time)
                    return f"visited {url}"
                # endregion
                print(await visit_url("a", 1))
            """);

        var block = AsyncLab.Code.Python(script, "visit_url");

        Assert.Equal("async def visit_url(url, response_time):\n    await asyncio.sleep(response_time)\n    return f\"visited {url}\"", block.Source);
        Assert.Equal(CodeLanguage.Python, block.Language);
        Assert.Equal($"Python · {script} · visit_url", block.Caption);
        Assert.DoesNotContain("region", block.ToText().Replace(block.Caption, ""));
    }

    [Fact]
    public void A_missing_script_or_region_names_both()
    {
        var missingFile = Assert.Throws<FileNotFoundException>(() => AsyncLab.Code.Python(Path.Combine(_folder, "nope.py"), "main"));
        Assert.Contains("nope.py", missingFile.Message);
        Assert.Contains("'main'", missingFile.Message);

        var script = Script("# region: one\nx = 1\n# endregion\n# region: two\ny = 2\n# endregion\n");
        var missingRegion = Assert.Throws<KeyNotFoundException>(() => AsyncLab.Code.Python(script, "three"));
        Assert.Contains(script, missingRegion.Message);
        Assert.Contains("'three'", missingRegion.Message);
        Assert.Contains("one, two", missingRegion.Message);
    }

    [Theory]
    [InlineData("# region: a\n# region: b\n# endregion\n", "line 2", "may not nest")]
    [InlineData("# region: a\nx\n# endregion\n# region: a\n# endregion\n", "line 4", "defined twice")]
    [InlineData("# region: Visit-Url\n# endregion\n", "line 1", "lower_snake_case")]
    [InlineData("x = 1\n# region: a\nx\n", "line 2", "has no '# endregion'")]
    [InlineData("x = 1\n# endregion\n", "line 2", "without an open region")]
    public void Malformed_markers_are_errors_with_file_and_line(string text, string line, string problem)
    {
        var script = Script(text);

        var error = Assert.Throws<FormatException>(() => AsyncLab.Code.Python(script, "a"));

        Assert.Contains($"{script}({line})", error.Message);
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void Html_escapes_everything_and_colours_with_inline_styles()
    {
        var block = AsyncLab.Code.CSharp("var s = \"</pre><script>alert(1)</script>\"; // <b>&</b>\n", "C# <i>");

        var html = block.ToHtml();

        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("<b>", html);
        Assert.DoesNotContain("<i>", html);
        Assert.Contains("&lt;/pre&gt;&lt;script&gt;", html);
        Assert.Contains("<span style=\"color:#0000ff\">var</span>", html);
        Assert.Contains("<span style=\"color:#008000;font-style:italic\">// &lt;b&gt;&amp;&lt;/b&gt;</span>", html);
        Assert.DoesNotContain("<span class", html);
        Assert.Equal("C# <i>\nvar s = \"</pre><script>alert(1)</script>\"; // <b>&</b>\n", block.ToText());
    }

    [Fact]
    public void Side_by_side_text_uses_columns_when_they_fit_and_stacks_otherwise()
    {
        var python = AsyncLab.Code.CSharp("await asyncio.sleep(1)", "Python");
        var csharp = AsyncLab.Code.CSharp("await Task.Delay(1000);\nreturn;");

        var narrow = AsyncLab.Code.SideBySide(python, csharp).ToText();
        Assert.Equal("Python                 │ C#\nawait asyncio.sleep(1) │ await Task.Delay(1000);\n                       │ return;\n", narrow);

        var wide = AsyncLab.Code.SideBySide(python, AsyncLab.Code.CSharp(new string('x', 100))).ToText();
        Assert.Equal(python.ToText() + "\n" + "C#\n" + new string('x', 100) + "\n", wide);

        var html = AsyncLab.Code.SideBySide(python, csharp).ToHtml();
        Assert.Contains("flex-wrap:wrap", html);
        Assert.Contains(python.ToHtml(), html);
        Assert.Contains(csharp.ToHtml(), html);
    }
}
