using System.Globalization;
using System.Text;
using NotebookRunner.Documents;

namespace NotebookRunner.Site;

/// <summary>
/// The page of one lesson: a header (number, article mirrored, reading time, download), every cell in order (prose, code
/// with its language, stored outputs), how to run the lesson, and links to the previous and next lessons.
/// </summary>
internal static class LessonPage
{
    public static string Render(Lesson lesson, IReadOnlyList<Lesson> lessons, string siteTitle, string? repositoryUrl,
                                ProseRenderer prose, OutputRenderer outputs)
    {
        var outline = new PageOutline();
        var body = new StringBuilder();
        var hasCharts = false;
        var titleSkipped = false;
        foreach (var cell in lesson.Document.Cells)
        {
            if (cell.Problem is not null)
            {
                body.Append(outputs.Problem($"This cell could not be read: {cell.Problem.Problem}", cell, lesson.SourcePath));
                continue;
            }

            switch (cell.Kind)
            {
                case CellKind.Markdown:
                    var markdown = ProseRenderer.Parse(cell.Source);
                    if (!titleSkipped && markdown.FirstOrDefault() is Markdig.Syntax.HeadingBlock { Level: 1 } title)
                    {
                        markdown.Remove(title); // shown in the page header
                        titleSkipped = true;
                    }

                    body.Append("<section class=\"cell prose\">").Append(prose.Render(markdown, outline)).Append("</section>\n");
                    break;
                case CellKind.Code:
                    var rendered = outputs.Render(cell, lesson.SourcePath);
                    hasCharts |= rendered.Contains(TimelineFigure.FigureDataClass, StringComparison.Ordinal);
                    body.Append("<section class=\"cell code\">")
                        .Append(CodeHighlighter.Block(cell.Source, cell.KernelName, CodeHighlighter.DisplayName(cell.KernelName)))
                        .Append(rendered.Length > 0 ? "<div class=\"outputs\">" + rendered + "</div>" : "")
                        .Append("</section>\n");
                    break;
                default:
                    body.Append("<section class=\"cell raw\"><pre tabindex=\"0\">").Append(PageLayout.Encode(cell.Source)).Append("</pre></section>\n");
                    break;
            }
        }

        var main = new StringBuilder();
        main.Append("<article class=\"lesson\" data-pagefind-body>")
            .Append(Header(lesson))
            .Append(body)
            .Append(RunItYourself(lesson, repositoryUrl))
            .Append("</article>")
            .Append(PreviousNext(lesson, lessons));
        return PageLayout.Render($"{lesson.Number}. {lesson.Intro.Title} · {siteTitle}", siteTitle, lessons, lesson, main.ToString(), outline, hasCharts);
    }

    private static string Header(Lesson lesson)
    {
        var header = new StringBuilder("<header class=\"lesson-header\">");
        header.Append("<p class=\"eyebrow\" data-pagefind-ignore>Lesson ").Append(lesson.Number.ToString(CultureInfo.InvariantCulture))
            .Append(" · ").Append(lesson.ReadingMinutes.ToString(CultureInfo.InvariantCulture)).Append(" min read</p>")
            .Append("<h1 data-pagefind-meta=\"title\">").Append(lesson.Intro.TitleHtml).Append("</h1>");
        if (lesson.Intro.Mirrors is { } article)
        {
            header.Append("<p class=\"mirrors\">Mirrors the article <cite>").Append(PageLayout.Encode(article)).Append("</cite></p>");
        }

        header.Append("<p class=\"actions\" data-pagefind-ignore><a class=\"button\" href=\"").Append(lesson.NotebookFile).Append("\" download>Download the notebook (.ipynb)</a>")
            .Append("<a class=\"button secondary\" href=\"#run-it\">Run it yourself</a></p>");
        return header.Append("</header>\n").ToString();
    }

    // The README's two ways to run a lesson: VS Code with Polyglot Notebooks, or the headless runner.
    private static string RunItYourself(Lesson lesson, string? repositoryUrl)
    {
        var notebook = "notebooks/" + lesson.Slug + ".ipynb";
        var clone = repositoryUrl is null
            ? "Get the repository this site was built from"
            : $"Clone <a href=\"{PageLayout.Encode(repositoryUrl)}\">the repository</a> (<code>git clone {PageLayout.Encode(repositoryUrl)}</code>)";
        return $"""
            <section class="run-it" id="run-it" aria-labelledby="run-it-title" data-pagefind-ignore>
            <h2 id="run-it-title">Run it yourself</h2>
            <p>The downloaded notebook shows these outputs in any notebook viewer. To run it, it needs the repository's helper
            library (its first cell references <code>../helpers/AsyncLab/bin/AsyncLab.dll</code>) and the .NET 10 SDK.</p>
            <ol>
            <li>{clone}, then build the library once: <code>dotnet build helpers/AsyncLab</code>.</li>
            <li>In VS Code, open the folder, accept the recommended extensions (Polyglot Notebooks, C#), open
            <code>{notebook}</code> and choose <em>Run All</em>.</li>
            <li>Or without an editor: <code>dotnet run --project helpers/NotebookRunner -c Release -- run {notebook}</code>
            runs it headless and writes fresh outputs into the notebook.</li>
            </ol>
            </section>
            """;
    }

    private static string PreviousNext(Lesson lesson, IReadOnlyList<Lesson> lessons)
    {
        var index = lessons.ToList().IndexOf(lesson);
        var html = new StringBuilder("<nav class=\"prev-next\" aria-label=\"Previous and next lesson\">");
        html.Append(index > 0 ? Link(lessons[index - 1], "prev", "Previous") : "<span></span>");
        html.Append(index < lessons.Count - 1 ? Link(lessons[index + 1], "next", "Next") : "<a class=\"next\" href=\"index.html\"><span class=\"direction\">Back to</span> all lessons</a>");
        return html.Append("</nav>").ToString();

        static string Link(Lesson target, string cssClass, string direction) =>
            $"<a class=\"{cssClass}\" href=\"{target.PageFile}\" rel=\"{cssClass}\"><span class=\"direction\">{direction}</span> " +
            $"{target.Number.ToString(CultureInfo.InvariantCulture)}. {PageLayout.Encode(target.Intro.Title)}</a>";
    }
}
