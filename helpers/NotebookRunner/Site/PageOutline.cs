using System.Text;

namespace NotebookRunner.Site;

/// <summary>The ids used on one page and its "on this page" entries (section and subsection headings, in order).</summary>
internal sealed class PageOutline
{
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal) { "main", "search", "lessons", "outline", "run-it" };
    private readonly List<(int Level, string Id, string Text)> _entries = [];

    /// <summary>The headings of level 2 and 3, in page order.</summary>
    public IReadOnlyList<(int Level, string Id, string Text)> Entries => _entries;

    /// <summary>A new id on this page for a heading with this text (GitHub-style slug, <c>-2</c>, <c>-3</c>… on repeats).</summary>
    public string Add(int level, string text)
    {
        var slug = Slug(text);
        var id = slug;
        for (var n = 2; !_ids.Add(id); n++)
        {
            id = $"{slug}-{n}";
        }

        if (level is 2 or 3)
        {
            _entries.Add((level, id, text));
        }

        return id;
    }

    private static string Slug(string text)
    {
        var slug = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if ((c is ' ' or '-' or '_') && slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        return slug.ToString().Trim('-') is { Length: > 0 } s ? s : "section";
    }
}
