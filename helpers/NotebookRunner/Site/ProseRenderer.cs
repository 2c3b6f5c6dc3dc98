using System.Text;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace NotebookRunner.Site;

/// <summary>
/// Renders the Markdown of notebook cells with Markdig (CommonMark, pipe tables, task lists, auto links): fenced code is
/// highlighted, headings get page-unique ids for the outline, links to other lessons point at their pages, and the HTML
/// is sanitised because Markdown may carry raw HTML.
/// </summary>
/// <param name="resolveLink">Rewrites a relative link target (another lesson's <c>.ipynb</c> becomes its page); returns it unchanged otherwise.</param>
internal sealed class ProseRenderer(Func<string, string> resolveLink)
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseTaskLists()
        .UseAutoLinks()
        .Build();

    /// <summary>Parses Markdown into Markdig's syntax tree.</summary>
    public static MarkdownDocument Parse(string markdown) => Markdown.Parse(markdown, Pipeline);

    /// <summary>The page HTML of a parsed cell; headings are registered in <paramref name="outline"/>.</summary>
    public string Render(MarkdownDocument document, PageOutline outline)
    {
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            heading.GetAttributes().Id = outline.Add(heading.Level, PlainText(heading.Inline));
        }

        return Render(document);
    }

    /// <summary>The HTML of a block or an inline container alone (a list item, a heading's text), sanitised.</summary>
    public string Render(MarkdownObject markdown)
    {
        foreach (var link in markdown.Descendants<LinkInline>())
        {
            if (link.Url is { } url && !link.IsImage)
            {
                link.Url = resolveLink(url);
            }
        }

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.ObjectRenderers.Replace<CodeBlockRenderer>(new HighlightingCodeBlockRenderer());
        renderer.Render(markdown);
        writer.Flush();
        return OutputSanitizer.Clean(writer.ToString());
    }

    /// <summary>The text of inline Markdown without its markup (for titles, outline entries and ids).</summary>
    public static string PlainText(ContainerInline? inline)
    {
        var text = new StringBuilder();
        foreach (var leaf in inline?.Descendants<LeafInline>() ?? [])
        {
            _ = leaf switch
            {
                LiteralInline literal => text.Append(literal.Content.ToString()),
                CodeInline code => text.Append(code.Content),
                LineBreakInline => text.Append(' '),
                _ => text,
            };
        }

        return text.ToString().Trim();
    }

    private sealed class HighlightingCodeBlockRenderer : HtmlObjectRenderer<CodeBlock>
    {
        protected override void Write(HtmlRenderer renderer, CodeBlock obj)
        {
            var language = (obj as FencedCodeBlock)?.Info;
            renderer.Write(CodeHighlighter.Block(obj.Lines.ToString(), language, CodeHighlighter.DisplayName(language)));
        }
    }
}
