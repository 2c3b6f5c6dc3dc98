using System.Globalization;
using System.Net;
using System.Text;

namespace NotebookRunner.Site;

/// <summary>
/// The frame every page shares: head (local stylesheet and scripts only, and a content security policy that allows no
/// inline script and no request outside the site), a top bar with the site name, search and theme toggle, the lesson
/// list, the main content, and an "on this page" outline when the page has sections.
/// </summary>
internal static class PageLayout
{
    // 'self' and nothing else: a stored output that slipped past the sanitiser still could not run inline script or fetch
    // from elsewhere. Styles may be inline (plotly and the chart SVG set them); WebAssembly is pagefind's search engine.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

    public static string Render(string pageTitle, string siteTitle, IReadOnlyList<Lesson> lessons, Lesson? current, string main,
                                PageOutline? outline, bool hasCharts)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(ContentSecurityPolicy).Append("\">\n")
            .Append("<meta name=\"color-scheme\" content=\"light dark\">\n")
            .Append("<title>").Append(Encode(pageTitle)).Append("</title>\n")
            .Append("<link rel=\"stylesheet\" href=\"assets/site.css\">\n")
            .Append("<script src=\"assets/theme.js\"></script>\n")
            .Append(hasCharts ? "<script src=\"assets/plotly.min.js\" defer></script>\n<script src=\"assets/asynclab-player.js\" defer></script>\n" : "")
            .Append("<script src=\"assets/site.js\" defer></script>\n")
            .Append("</head>\n<body>\n<a class=\"skip-link\" href=\"#main\">Skip to content</a>\n");

        html.Append("<header class=\"topbar\"><a class=\"site-name\" href=\"index.html\">").Append(Encode(siteTitle)).Append("</a>")
            .Append("<div class=\"search\" role=\"search\"><div id=\"search\"></div><p class=\"search-offline\" hidden>")
            .Append("Search works when the site is served (any static host, or <code>python3 -m http.server</code> in its folder).</p></div>")
            .Append("<button type=\"button\" class=\"theme-toggle\" aria-pressed=\"false\" title=\"Dark theme\">")
            .Append("<span class=\"theme-icon\" aria-hidden=\"true\"></span><span class=\"visually-hidden\">Dark theme</span></button></header>\n");

        html.Append("<div class=\"layout").Append(outline is { Entries.Count: > 0 } ? " with-outline" : "").Append("\">\n");
        html.Append("<nav class=\"lessons\" id=\"lessons\" aria-label=\"Lessons\"><details class=\"lessons-menu\" open><summary>Lessons</summary><ol>");
        foreach (var lesson in lessons)
        {
            html.Append("<li><a href=\"").Append(lesson.PageFile).Append('"')
                .Append(lesson == current ? " aria-current=\"page\"" : "").Append("><span class=\"lesson-number\">")
                .Append(lesson.Number.ToString(CultureInfo.InvariantCulture)).Append("</span> ")
                .Append(Encode(lesson.Intro.Title)).Append("</a></li>");
        }

        html.Append("</ol></details></nav>\n");
        if (outline is { Entries.Count: > 0 })
        {
            html.Append("<nav class=\"outline\" id=\"outline\" aria-label=\"On this page\"><details class=\"outline-menu\" open><summary>On this page</summary><ul>");
            foreach (var (level, id, text) in outline.Entries)
            {
                html.Append("<li class=\"level-").Append(level.ToString(CultureInfo.InvariantCulture)).Append("\"><a href=\"#").Append(id).Append("\">")
                    .Append(Encode(text)).Append("</a></li>");
            }

            html.Append("</ul></details></nav>\n");
        }

        html.Append("<main id=\"main\" tabindex=\"-1\">\n").Append(main).Append("\n</main>\n</div>\n")
            .Append("<footer class=\"footer\"><p>Built from the notebooks' stored outputs; nothing on these pages was re-run. ")
            .Append("Charts are drawn with a local copy of plotly.js; the site makes no request outside itself.</p></footer>\n")
            .Append("</body>\n</html>\n");
        return html.ToString();
    }

    public static string Encode(string text) => WebUtility.HtmlEncode(text);
}
