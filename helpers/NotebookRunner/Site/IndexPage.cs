using System.Globalization;
using System.Text;

namespace NotebookRunner.Site;

/// <summary>The home page: the README's title and first paragraph, then one card per lesson (title, article mirrored, reading time, what you will learn).</summary>
internal static class IndexPage
{
    public static string Render(IReadOnlyList<Lesson> lessons, string siteTitle, ReadmeFacts readme)
    {
        var main = new StringBuilder("<div class=\"home\"><header class=\"home-header\"><h1>").Append(PageLayout.Encode(siteTitle)).Append("</h1>");
        if (readme.IntroHtml is not null)
        {
            main.Append("<div class=\"home-intro\">").Append(readme.IntroHtml).Append("</div>");
        }

        main.Append("</header><ol class=\"lesson-cards\">");
        foreach (var lesson in lessons)
        {
            main.Append("<li class=\"lesson-card\"><p class=\"eyebrow\">Lesson ").Append(lesson.Number.ToString(CultureInfo.InvariantCulture))
                .Append(" · ").Append(lesson.ReadingMinutes.ToString(CultureInfo.InvariantCulture)).Append(" min read</p>")
                .Append("<h2><a href=\"").Append(lesson.PageFile).Append("\">").Append(lesson.Intro.TitleHtml).Append("</a></h2>");
            if (lesson.Intro.Mirrors is { } article)
            {
                main.Append("<p class=\"mirrors\">Mirrors <cite>").Append(PageLayout.Encode(article)).Append("</cite></p>");
            }

            if (lesson.Intro.LearnHtml.Count > 0)
            {
                main.Append("<details class=\"learn\" open><summary>What you will learn</summary><ul>");
                foreach (var item in lesson.Intro.LearnHtml)
                {
                    main.Append("<li>").Append(item).Append("</li>");
                }

                main.Append("</ul></details>");
            }

            main.Append("<p class=\"card-actions\"><a href=\"").Append(lesson.PageFile).Append("\">Read the lesson</a> · <a href=\"")
                .Append(lesson.NotebookFile).Append("\" download>Download .ipynb</a></p></li>");
        }

        main.Append("</ol></div>");
        return PageLayout.Render(siteTitle, siteTitle, lessons, null, main.ToString(), null, hasCharts: false);
    }
}
