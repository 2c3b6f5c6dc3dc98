using AngleSharp.Html.Parser;
using Microsoft.Playwright;
using NotebookRunner.Documents;
using NotebookRunner.Site;

namespace Site.Tests;

/// <summary>
/// The lesson site built once from the repository's notebooks, and a chromium that opens it as if served from a static host
/// under a sub-path (<see cref="BaseUrl"/>, answered from the built folder). Any request elsewhere is refused and recorded.
/// </summary>
public sealed class LessonSite : IAsyncLifetime
{
    public const string BaseUrl = "http://lessons.test/course/";

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8", [".css"] = "text/css", [".js"] = "text/javascript", [".json"] = "application/json",
        [".wasm"] = "application/wasm", [".ipynb"] = "application/x-ipynb+json",
    };

    private IPlaywright? _playwright;

    public string Folder { get; } = SiteFixtures.NewTempFolder();

    public string BuildOutput { get; private set; } = "";

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The site's pages: the index, then one per lesson in order.</summary>
    public static IReadOnlyList<string> Pages => ["index.html", .. SiteFixtures.Lessons.Select(l => Path.GetFileNameWithoutExtension(l) + ".html")];

    public async Task InitializeAsync()
    {
        if (SiteFixtures.MissingPrerequisite(browser: true) is not null)
            return; // each test asserts the prerequisite itself, so the reason shows in the test's failure or skip
        var (exit, output, error) = await SiteFixtures.BuildAsync([SiteFixtures.Notebooks], Folder);
        BuildOutput = output + error;
        Assert.True(exit == 0, BuildOutput);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = SiteFixtures.Chromium, Headless = true });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        _playwright?.Dispose();
    }

    /// <summary>A page whose requests are answered from the site folder; console errors, page errors and refused requests are collected.</summary>
    public async Task<(IPage Page, List<string> Problems)> OpenAsync(BrowserNewContextOptions? options = null)
    {
        var context = await Browser.NewContextAsync(options ?? new() { ViewportSize = new() { Width = 1366, Height = 900 } });
        var page = await context.NewPageAsync();
        // Generous limits: on a loaded 2-core machine parsing plotly.js alone can take many seconds.
        page.SetDefaultNavigationTimeout(120_000);
        page.SetDefaultTimeout(90_000);
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
                problems.Add($"console error on {page.Url}: {message.Text}");
        };
        page.PageError += (_, error) => problems.Add($"page error on {page.Url}: {error}");
        await context.RouteAsync("**/*", async route =>
        {
            var url = route.Request.Url;
            if (url.StartsWith("file://", StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal))
            {
                await route.ContinueAsync();
                return;
            }

            if (!url.StartsWith(BaseUrl, StringComparison.Ordinal))
            {
                problems.Add($"request outside the site: {url}");
                await route.AbortAsync();
                return;
            }

            var relative = Uri.UnescapeDataString(new Uri(url).AbsolutePath[new Uri(BaseUrl).AbsolutePath.Length..]);
            var file = Path.Combine(Folder, relative.Length == 0 ? "index.html" : relative);
            if (!File.Exists(file))
            {
                problems.Add($"missing file in the site: {url}");
                await route.FulfillAsync(new() { Status = 404, Body = "not found" });
                return;
            }

            await route.FulfillAsync(new() { Path = file, ContentType = ContentTypes.GetValueOrDefault(Path.GetExtension(file), "application/octet-stream") });
        });
        return (page, problems);
    }

    /// <summary>Scrolls through the page so every chart comes into view, and waits until each has been drawn.</summary>
    public static async Task DrawAllChartsAsync(IPage page)
    {
        var charts = page.Locator("figure.chart");
        for (var i = 0; i < await charts.CountAsync(); i++)
        {
            await charts.Nth(i).ScrollIntoViewIfNeededAsync();
            await page.WaitForFunctionAsync("c => c.classList.contains('drawn')", await charts.Nth(i).ElementHandleAsync(), new() { Timeout = 90_000 });
        }
    }

    /// <summary>The number of bars of every chart stored in a notebook, in page order.</summary>
    public static List<int> StoredBarCounts(string notebook)
    {
        var parser = new HtmlParser();
        return NotebookReader.Read(notebook).Cells.SelectMany(c => c.Outputs).OfType<DisplayOutput>()
            .Select(d => d.Data.FirstOrDefault(p => p.Key == "text/html").Value).Where(h => h is not null)
            .SelectMany(h => parser.ParseDocument(h!).QuerySelectorAll("." + TimelineFigure.ContainerClass))
            .Select(c => TimelineFigure.Read(c, out _)?.BarCount ?? 0).ToList();
    }

    public static async Task SaveAsync(IPage page, string name, bool fullPage = false)
    {
        Directory.CreateDirectory(SiteFixtures.Pictures);
        await page.ScreenshotAsync(new() { Path = Path.Combine(SiteFixtures.Pictures, name), FullPage = fullPage });
    }
}
