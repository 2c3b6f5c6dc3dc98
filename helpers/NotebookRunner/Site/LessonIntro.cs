using System.Text.RegularExpressions;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using NotebookRunner.Documents;

namespace NotebookRunner.Site;

/// <summary>
/// What the index shows about a lesson, read from the notebook's first Markdown cell: the level-1 heading is the title, the
/// first bullet list after a line such as "What you will see/learn" (else the first list) is what you will learn, and the
/// first bold text of the sentence that starts "Mirrors" names the article.
/// </summary>
/// <param name="Title">The title as plain text.</param>
/// <param name="TitleHtml">The title with its inline markup (code, emphasis).</param>
/// <param name="LearnHtml">The "what you will learn" items as inline HTML.</param>
/// <param name="Mirrors">The article the lesson mirrors, as the notebook names it, or null.</param>
internal sealed partial record LessonIntro(string Title, string TitleHtml, IReadOnlyList<string> LearnHtml, string? Mirrors)
{
    /// <summary>Reads the intro; a notebook without a Markdown title is named after its file.</summary>
    public static LessonIntro Read(NotebookDocument notebook, string fallbackTitle, ProseRenderer prose)
    {
        var first = notebook.Cells.FirstOrDefault(c => c.Kind == CellKind.Markdown);
        if (first is null)
        {
            return new LessonIntro(fallbackTitle, System.Net.WebUtility.HtmlEncode(fallbackTitle), [], null);
        }

        var markdown = ProseRenderer.Parse(first.Source);
        var heading = markdown.Descendants<HeadingBlock>().FirstOrDefault(h => h.Level == 1);
        var title = heading is null ? fallbackTitle : ProseRenderer.PlainText(heading.Inline);
        var titleHtml = heading?.Inline is null ? System.Net.WebUtility.HtmlEncode(title) : prose.Render(heading.Inline);
        return new LessonIntro(title, titleHtml, Learn(markdown, prose), MirroredArticle(markdown));
    }

    private static List<string> Learn(MarkdownDocument markdown, ProseRenderer prose)
    {
        var blocks = markdown.ToList();
        var announced = blocks.FindIndex(b => b is ParagraphBlock p && LearnLine().IsMatch(ProseRenderer.PlainText(p.Inline)));
        var list = blocks.Skip(announced + 1).OfType<ListBlock>().FirstOrDefault() ?? blocks.OfType<ListBlock>().FirstOrDefault();
        return list is null
            ? []
            : list.OfType<ListItemBlock>().Select(item => Unwrap(prose.Render(item))).ToList();
    }

    private static string? MirroredArticle(MarkdownDocument markdown)
    {
        foreach (var paragraph in markdown.Descendants<ParagraphBlock>())
        {
            var inlines = paragraph.Inline?.Descendants<Inline>().ToList() ?? [];
            var start = inlines.FindIndex(i => i is LiteralInline l && l.Content.ToString().Contains("Mirrors", StringComparison.Ordinal));
            var bold = start < 0 ? null : inlines.Skip(start).OfType<EmphasisInline>().FirstOrDefault(e => e.DelimiterCount == 2);
            if (bold is not null)
            {
                return ProseRenderer.PlainText(bold).Trim('"', '“', '”', ' ');
            }
        }

        return null;
    }

    // A list item renders as <li><p>…</p></li> or <li>…</li>; the index wants its inside.
    private static string Unwrap(string html) => ListItem().Replace(html.Trim(), "$1").Trim();

    [GeneratedRegex(@"^(what you('ll| will)|you will|in this lesson)", RegexOptions.IgnoreCase)]
    private static partial Regex LearnLine();

    [GeneratedRegex(@"^<li>\s*(?:<p>)?(.*?)(?:</p>)?\s*</li>$", RegexOptions.Singleline)]
    private static partial Regex ListItem();
}
