using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NotebookRunner.Documents;
using Xunit.Abstractions;

namespace Site.Tests;

/// <summary>The built lesson site in Debian's chromium: what a teacher and a student rely on when they open it.</summary>
public sealed partial class SiteBrowserTests(LessonSite site, ITestOutputHelper output) : IClassFixture<LessonSite>
{
    [SiteFact(browser: true)]
    public async Task Every_page_loads_with_no_console_error_and_no_request_outside_the_site()
    {
        Assert.Null(SiteFixtures.MissingPrerequisite(browser: true));
        var (page, problems) = await site.OpenAsync();
        foreach (var name in LessonSite.Pages)
        {
            await page.GotoAsync(LessonSite.BaseUrl + name);
            await LessonSite.DrawAllChartsAsync(page);
            await page.Locator(".pagefind-ui__search-input").WaitForAsync();
        }

        Assert.Empty(problems);
        output.WriteLine(site.BuildOutput);
    }

    [SiteFact(browser: true)]
    public async Task Every_chart_draws_as_many_bars_as_its_stored_figure_has()
    {
        Assert.Null(SiteFixtures.MissingPrerequisite(browser: true));
        var (page, problems) = await site.OpenAsync();
        var charts = 0;
        foreach (var notebook in SiteFixtures.Lessons)
        {
            await page.GotoAsync(LessonSite.BaseUrl + Path.GetFileNameWithoutExtension(notebook) + ".html");
            await LessonSite.DrawAllChartsAsync(page);
            var drawn = new List<int>();
            foreach (var chart in await page.Locator("figure.chart").AllAsync())
                drawn.Add(await chart.Locator(".chart-plot .barlayer .point").CountAsync());
            Assert.Equal(LessonSite.StoredBarCounts(notebook), drawn);
            charts += drawn.Count;
        }

        Assert.True(charts > 0, "the lessons have no chart to check");
        Assert.Empty(problems);
    }

    [SiteFact(browser: true)]
    public async Task Search_finds_a_word_that_only_lesson_3_uses_and_only_there()
    {
        Assert.Null(SiteFixtures.MissingPrerequisite(browser: true));
        var lesson3 = SiteFixtures.Lessons.Single(l => Path.GetFileName(l).StartsWith("03", StringComparison.Ordinal));
        var word = WordOnlyIn(lesson3);
        output.WriteLine($"searching for '{word}'");
        var (page, problems) = await site.OpenAsync();
        await page.GotoAsync(LessonSite.BaseUrl + "index.html");
        await page.Locator(".pagefind-ui__search-input").FillAsync(word);
        await page.Locator(".pagefind-ui__result").First.WaitForAsync();

        var links = await page.Locator(".pagefind-ui__result-link").EvaluateAllAsync<string[]>("links => links.map(l => l.href)");
        Assert.NotEmpty(links);
        Assert.All(links, href => Assert.StartsWith(LessonSite.BaseUrl + Path.GetFileNameWithoutExtension(lesson3) + ".html", href, StringComparison.Ordinal));
        await LessonSite.SaveAsync(page, "search-desktop.png");
        Assert.Empty(problems);
    }

    [SiteFact(browser: true)]
    public async Task The_theme_follows_the_system_and_the_toggle_switches_it_and_remembers()
    {
        Assert.Null(SiteFixtures.MissingPrerequisite(browser: true));
        var lesson = LessonSite.BaseUrl + LessonSite.Pages[3];
        var (page, problems) = await site.OpenAsync(new() { ColorScheme = ColorScheme.Light, ViewportSize = new() { Width = 1366, Height = 900 } });
        await page.GotoAsync(lesson);
        Assert.Equal("rgb(255, 255, 255)", await Background(page));

        await page.Locator(".theme-toggle").ClickAsync();
        Assert.Equal("dark", await page.Locator("html").GetAttributeAsync("data-theme"));
        Assert.Equal("true", await page.Locator(".theme-toggle").GetAttributeAsync("aria-pressed"));
        Assert.True(await IsDark(page), await Background(page));
        await page.ReloadAsync();
        Assert.True(await IsDark(page), "the choice did not survive a reload");
        await page.Locator("figure.chart").First.ScrollIntoViewIfNeededAsync();
        await LessonSite.DrawAllChartsAsync(page);
        await page.Locator("figure.chart").First.ScrollIntoViewIfNeededAsync();
        await LessonSite.SaveAsync(page, "lesson-dark.png");

        var (system, moreProblems) = await site.OpenAsync(new() { ColorScheme = ColorScheme.Dark, ViewportSize = new() { Width = 1366, Height = 900 } });
        await system.GotoAsync(lesson);
        Assert.True(await IsDark(system), "a dark system setting was not followed");
        Assert.Equal("true", await system.Locator(".theme-toggle").GetAttributeAsync("aria-pressed"));
        Assert.Empty(problems.Concat(moreProblems));
    }

    [SiteFact(browser: true)]
    public async Task A_phone_sized_viewport_never_scrolls_sideways()
    {
        Assert.Null(SiteFixtures.MissingPrerequisite(browser: true));
        var (page, problems) = await site.OpenAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, DeviceScaleFactor = 2 });
        foreach (var name in LessonSite.Pages)
        {
            await page.GotoAsync(LessonSite.BaseUrl + name);
            await LessonSite.DrawAllChartsAsync(page);
            var sizes = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
            var (scroll, width) = (sizes[0], sizes[1]);
            Assert.True(scroll <= width, $"{name}: the page is {scroll} px wide in a {width} px viewport");
        }

        await page.GotoAsync(LessonSite.BaseUrl + "index.html");
        await LessonSite.SaveAsync(page, "index-phone.png");
        await page.GotoAsync(LessonSite.BaseUrl + LessonSite.Pages[3]);
        await page.Locator("figure.chart").First.ScrollIntoViewIfNeededAsync();
        await LessonSite.DrawAllChartsAsync(page);
        await page.Locator("figure.chart").First.ScrollIntoViewIfNeededAsync();
        await LessonSite.SaveAsync(page, "lesson-phone.png");
        Assert.Empty(problems);
    }

    [SiteFact(browser: true)]
    public async Task Pages_opened_as_files_draw_their_charts_and_say_why_search_is_off()
    {
        Assert.Null(SiteFixtures.MissingPrerequisite(browser: true));
        var (page, problems) = await site.OpenAsync();
        await page.GotoAsync(new Uri(Path.Combine(site.Folder, "index.html")).AbsoluteUri);
        await LessonSite.SaveAsync(page, "index-desktop.png");
        await page.GotoAsync(new Uri(Path.Combine(site.Folder, LessonSite.Pages[3])).AbsoluteUri);
        Assert.True(await page.Locator(".search-offline").IsVisibleAsync());
        await LessonSite.SaveAsync(page, "lesson-desktop-top.png");
        await LessonSite.DrawAllChartsAsync(page);
        await page.Locator("figure.chart").First.ScrollIntoViewIfNeededAsync();
        await LessonSite.SaveAsync(page, "lesson-desktop-chart.png");
        Assert.Empty(problems);
    }

    private static Task<string> Background(IPage page) => page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");

    private static async Task<bool> IsDark(IPage page)
    {
        var rgb = Regex.Matches(await Background(page), @"\d+").Take(3).Select(m => int.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        return rgb.Average() < 60;
    }

    // A word of lesson 3's prose that no other lesson contains, even inside a longer word (so stemming cannot match it elsewhere).
    private static string WordOnlyIn(string lesson)
    {
        var others = string.Join('\n', SiteFixtures.Lessons.Where(l => l != lesson).Select(File.ReadAllText)).ToLowerInvariant();
        var prose = string.Join('\n', NotebookReader.Read(lesson).Cells.Where(c => c.Kind == CellKind.Markdown).Select(c => c.Source));
        return Word().Matches(prose).Select(m => m.Value).First(w => !others.Contains(w.ToLowerInvariant(), StringComparison.Ordinal));
    }

    [GeneratedRegex(@"\b[A-Za-z]{7,}\b")]
    private static partial Regex Word();
}
