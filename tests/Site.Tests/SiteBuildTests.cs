using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using NotebookRunner.Documents;
using NotebookRunner.Site;
using static Site.Tests.SiteFixtures;

namespace Site.Tests;

/// <summary>The site command on the real lessons and on hostile and broken notebooks, checked in the files it writes.</summary>
public sealed partial class SiteBuildTests
{
    [SiteFact]
    public async Task Every_lesson_gets_a_page_lighter_than_its_notebook_with_title_article_and_what_you_will_learn_from_the_notebook()
    {
        var site = NewTempFolder();
        var (exit, output, error) = await BuildAsync([Notebooks], site);

        Assert.True(exit == 0, output + error);
        var index = await File.ReadAllTextAsync(Path.Combine(site, "index.html"));
        foreach (var notebook in Lessons)
        {
            var slug = Path.GetFileNameWithoutExtension(notebook);
            var page = new FileInfo(Path.Combine(site, slug + ".html"));
            Assert.True(page.Length < new FileInfo(notebook).Length, $"{page.Name}: {page.Length} bytes, its notebook {new FileInfo(notebook).Length}");
            Assert.True(File.Exists(Path.Combine(site, "notebooks", slug + ".ipynb")), $"{slug}.ipynb is not offered for download");

            var firstMarkdown = NotebookReader.Read(notebook).Cells.First(c => c.Kind == CellKind.Markdown).Source;
            var title = firstMarkdown.Split('\n').First(l => l.StartsWith("# ", StringComparison.Ordinal))[2..].Replace("`", "", StringComparison.Ordinal);
            Assert.Contains(System.Net.WebUtility.HtmlEncode(title), System.Net.WebUtility.HtmlEncode(Text(index)), StringComparison.Ordinal);
            Assert.Matches(@"\d+ min read", Text(await File.ReadAllTextAsync(page.FullName)));
        }

        Assert.Equal(Lessons.Count, Regex.Count(index, "<details class=\"learn\" open>"));
        Assert.Equal(Lessons.Count, Regex.Count(index, "<p class=\"mirrors\">Mirrors <cite>[^<]+</cite>"));
        Assert.Contains("built 5 lesson pages".Replace("5", Lessons.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal), output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(site, "pagefind", "pagefind-ui.js")), "no search index");
        Assert.True(File.Exists(Path.Combine(site, "assets", "plotly.min.js")), "plotly.js is not in the site");
    }

    [SiteFact]
    public async Task A_hostile_notebook_cannot_put_script_event_handlers_or_outside_requests_on_its_page()
    {
        const string fakeChart = """
            <div class="asynclab-timeline"><div class="asynclab-timeline-static"><svg onload="alert(1)"><rect class="bar" width="5" height="5"/></svg></div>
            <script>var figure = {"data":[{"type":"bar","x":[1,2],"y":[0,0],"name":"run\u003C/script\u003E\u003Cscript\u003Ealert(2)\u003C/script\u003E"}],"layout":{}}; alert(3);</script></div>
            """;
        var notebook = Write("01-hostile.ipynb", Notebook(
            Markdown("# Hostile\n\n<script>alert('md')</script><img src=x onerror=alert(4)>\n\nA [link](javascript:alert(5)).\n\n<iframe src=\"https://evil.example/\"></iframe>"),
            Code("1", Html("<b onclick=\"alert(6)\">bold</b><img src=\"https://evil.example/pixel.png\"><style>body{background:url(https://evil.example/)}</style>" +
                           "<a href=\"javascript:alert(7)\">link</a><object data=\"https://evil.example/x\"></object><div style=\"background-image:url(https://evil.example/)\">styled</div>")),
            Code("2", Html(fakeChart, "chart as text"))));
        var site = NewTempFolder();
        var (exit, output, error) = await BuildAsync([notebook], site);

        Assert.True(exit == 0, output + error);
        var page = await File.ReadAllTextAsync(Path.Combine(site, "01-hostile.html"));
        var document = new HtmlParser().ParseDocument(page);
        Assert.All(document.QuerySelectorAll("script"), s => Assert.True(
            s.GetAttribute("type") == "application/json" || s.GetAttribute("src")?.StartsWith("assets/", StringComparison.Ordinal) == true,
            "a script that is not the site's own: " + s.OuterHtml));
        Assert.DoesNotContain(document.All.SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("evil.example", page, StringComparison.Ordinal);
        Assert.DoesNotContain(document.All.SelectMany(e => e.Attributes), a => a.Value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase));
        Assert.Empty(document.QuerySelectorAll("iframe, object, embed, style"));
        // The chart's data survives as data (with its hostile label inert inside JSON); its script does not.
        var figure = JsonNode.Parse(document.QuerySelector("script.asynclab-figure")!.TextContent)!["figure"]!;
        Assert.Equal("run</script><script>alert(2)</script>", (string?)figure["data"]![0]!["name"]);
    }

    [SiteFact]
    public async Task A_malformed_cell_an_unknown_output_and_an_enormous_output_are_shown_in_place_and_named()
    {
        var enormous = string.Concat(Enumerable.Repeat("a line of output that goes on and on\n", 150_000));
        var notebook = Write("02-broken.ipynb", Notebook(
            Markdown("# Broken\n\nThe prose before."),
            new JsonObject { ["cell_type"] = "code", ["source"] = 42, ["metadata"] = new JsonObject(), ["outputs"] = new JsonArray() },
            Code("Console.WriteLine(1);", new JsonObject { ["output_type"] = "hologram", ["data"] = new JsonObject() }, Stdout("still shown\n")),
            Code("Print();", Stdout(enormous)),
            Code("x", new JsonObject { ["output_type"] = "display_data", ["data"] = new JsonObject { ["application/x-unknown"] = "?" }, ["metadata"] = new JsonObject() }),
            Markdown("## After\n\nThe prose after.")));
        var site = NewTempFolder();
        var (exit, output, error) = await BuildAsync([notebook], site);

        Assert.True(exit == 0, output + error);
        Assert.Contains("02-broken.ipynb(cell 2): This cell could not be read", error, StringComparison.Ordinal);
        Assert.Contains("02-broken.ipynb(cell 3): This output could not be read", error, StringComparison.Ordinal);
        Assert.Contains("unknown type 'hologram'", error, StringComparison.Ordinal);
        Assert.Contains("02-broken.ipynb(cell 4): an output of 5.3 MB (150,000 lines); the first", error, StringComparison.Ordinal);
        Assert.Contains("02-broken.ipynb(cell 5): an output of type application/x-unknown", error, StringComparison.Ordinal);
        var page = await File.ReadAllTextAsync(Path.Combine(site, "02-broken.html"));
        Assert.Equal(4, Regex.Count(page, "<div class=\"problem\""));
        Assert.Contains("still shown", page, StringComparison.Ordinal);
        Assert.Contains("The prose after.", page, StringComparison.Ordinal);
        Assert.True(new FileInfo(Path.Combine(site, "02-broken.html")).Length < 200_000, "the enormous output was not cut");
    }

    [SiteFact]
    public async Task A_notebook_that_cannot_be_read_fails_the_build_naming_file_and_cell_and_the_others_still_get_pages()
    {
        var folder = NewTempFolder();
        var good = Notebook(Markdown("# Fine"), Code("1", Stdout("one\n")));
        await File.WriteAllTextAsync(Path.Combine(folder, "01-fine.ipynb"), good);
        var broken = Notebook(Markdown("# Broken"), Code("1", Stdout("one\n")), Code("2")).Replace("\"source\":\"2\"", "\"source\":\"2\",,", StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(folder, "02-broken.ipynb"), broken.Replace("{\"cell_type\"", "\n{\"cell_type\"", StringComparison.Ordinal));
        var site = NewTempFolder();
        var (exit, output, error) = await BuildAsync([folder], site);

        Assert.Equal(1, exit);
        Assert.Matches(@"02-broken\.ipynb\(line \d+, col \d+\): invalid JSON.* \(in or after cell 3\): no page for this notebook", error);
        Assert.True(File.Exists(Path.Combine(site, "01-fine.html")), output + error);
    }

    [SiteFact]
    public async Task The_build_refuses_to_replace_a_folder_it_did_not_build()
    {
        var folder = NewTempFolder();
        await File.WriteAllTextAsync(Path.Combine(folder, "thesis.tex"), "precious");
        var (exit, _, error) = await BuildAsync([Lessons[0]], folder);

        Assert.Equal(2, exit);
        Assert.Contains("is not a site built by this command", error, StringComparison.Ordinal);
        Assert.Equal("precious", await File.ReadAllTextAsync(Path.Combine(folder, "thesis.tex")));
    }

    [Fact]
    public void A_chart_is_recognised_in_the_stored_shape_and_in_the_inert_json_shape()
    {
        var stored = Lessons.SelectMany(n => NotebookReader.Read(n).Cells).SelectMany(c => c.Outputs).OfType<DisplayOutput>()
            .Select(d => d.Data.FirstOrDefault(p => p.Key == "text/html").Value).First(h => h?.Contains("asynclab-timeline", StringComparison.Ordinal) == true)!;
        var parser = new HtmlParser();
        var old = TimelineFigure.Read(parser.ParseDocument(stored).QuerySelector(".asynclab-timeline")!, out var oldProblem);
        Assert.Null(oldProblem);
        Assert.NotNull(old);

        var player = new JsonObject { ["steps"] = new JsonArray(new JsonObject { ["t"] = 0, ["caption"] = "A starts" }) };
        var inert = $"<div class=\"asynclab-timeline\"><div class=\"asynclab-timeline-static\">{old.StaticSvg}</div>" +
                    $"<script type=\"application/json\" class=\"asynclab-figure\">{new JsonObject { ["figure"] = old.Figure.DeepClone(), ["player"] = player }.ToJsonString()}</script></div>";
        var current = TimelineFigure.Read(parser.ParseDocument(inert).QuerySelector(".asynclab-timeline")!, out var problem);
        Assert.Null(problem);
        Assert.Equal(old.BarCount, current!.BarCount);
        Assert.Equal("A starts", (string?)current.Player!["steps"]![0]!["caption"]);
        Assert.Contains("\"player\":{\"steps\"", ChartMarkup.Render(current, null), StringComparison.Ordinal);
        Assert.True(old.BarCount > 0);
        Assert.Equal(old.Title, current.Title);
        Assert.StartsWith("Timeline with ", current.Summary(), StringComparison.Ordinal);
    }

    private static string Write(string name, string json)
    {
        var path = Path.Combine(NewTempFolder(), name);
        File.WriteAllText(path, json);
        return path;
    }

    private static string Text(string html) => System.Net.WebUtility.HtmlDecode(Tags().Replace(html, ""));

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
