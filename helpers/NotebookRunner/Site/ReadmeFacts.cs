using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace NotebookRunner.Site;

/// <summary>
/// What the site takes from the repository's README: its title and first paragraph for the index, and the lesson table's
/// "mirrors" column (a row names its lesson by linking to the notebook). The README is the place a maintainer already keeps
/// that table; a lesson missing from it falls back to the "Mirrors" sentence of its own first cell.
/// </summary>
/// <param name="Title">The README's level-1 heading, or null.</param>
/// <param name="IntroHtml">Its first paragraph as HTML, links kept as text (they point into the repository), or null.</param>
/// <param name="MirrorsByNotebook">Notebook file name to the article its row names.</param>
internal sealed record ReadmeFacts(string? Title, string? IntroHtml, IReadOnlyDictionary<string, string> MirrorsByNotebook)
{
    /// <summary>No README: the index uses its defaults and each lesson its own first cell.</summary>
    public static ReadmeFacts None { get; } = new(null, null, new Dictionary<string, string>());

    /// <summary>Reads a README file, or returns <see cref="None"/> when the path is null or missing.</summary>
    public static ReadmeFacts Read(string? path, ProseRenderer prose)
    {
        if (path is null || !File.Exists(path))
        {
            return None;
        }

        var markdown = ProseRenderer.Parse(File.ReadAllText(path));
        var title = markdown.Descendants<HeadingBlock>().FirstOrDefault(h => h.Level == 1);
        var intro = markdown.OfType<ParagraphBlock>().FirstOrDefault();
        if (intro?.Inline is not null)
        {
            foreach (var link in intro.Inline.Descendants<LinkInline>().ToList())
            {
                link.ReplaceBy(new LiteralInline(ProseRenderer.PlainText(link)));
            }
        }

        return new ReadmeFacts(
            title is null ? null : ProseRenderer.PlainText(title.Inline),
            intro is null ? null : prose.Render(intro),
            MirrorsColumn(markdown));
    }

    private static Dictionary<string, string> MirrorsColumn(MarkdownDocument markdown)
    {
        var mirrors = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var table in markdown.Descendants<Table>())
        {
            var rows = table.OfType<TableRow>().ToList();
            var header = rows.FirstOrDefault(r => r.IsHeader);
            var column = header?.OfType<TableCell>().ToList()
                .FindIndex(c => CellText(c).Contains("mirror", StringComparison.OrdinalIgnoreCase)) ?? -1;
            if (column < 0)
            {
                continue;
            }

            foreach (var row in rows.Where(r => !r.IsHeader && r.Count > column))
            {
                var notebook = row.Descendants<LinkInline>().Select(l => l.Url).FirstOrDefault(u => u?.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase) == true);
                var article = CellText((TableCell)row[column]).Trim('"', '“', '”', ' ');
                if (notebook is not null && article.Length > 0)
                {
                    mirrors[Path.GetFileName(Uri.UnescapeDataString(notebook))] = article;
                }
            }
        }

        return mirrors;
    }

    private static string CellText(TableCell cell) =>
        string.Join(' ', cell.Descendants<ParagraphBlock>().Select(p => ProseRenderer.PlainText(p.Inline)));
}
