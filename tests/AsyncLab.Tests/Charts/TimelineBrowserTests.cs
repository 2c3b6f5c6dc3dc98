using AsyncLab;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace AsyncLab.Tests.Charts;

/// <summary>
/// Renders timeline HTML in headless chromium: once with scripts (plotly.js and require.js come from the npm folder, the
/// CDN addresses routed to it) and once without (the static SVG must show).
/// </summary>
public sealed class TimelineBrowserTests(ITestOutputHelper output)
{
    private const string PlotlyCdn = "https://cdn.plot.ly/plotly-2.27.1.min.js";
    private const string RequireJsCdn = "https://cdnjs.cloudflare.com/ajax/libs/require.js/2.3.6/require.min.js";

    [BrowserFact]
    public Task Plotly_draws_one_bar_per_segment_where_the_page_has_no_requirejs() =>
        DrawsEveryBar(pageHasRequireJs: false, picture: "timeline-plotly.png");

    [BrowserFact]
    public Task Plotly_draws_one_bar_per_segment_where_the_page_has_requirejs() =>
        DrawsEveryBar(pageHasRequireJs: true, picture: "timeline-plotly-requirejs-page.png");

    [BrowserFact]
    public async Task Without_javascript_the_static_svg_shows()
    {
        Assert.Null(ChartTestPaths.MissingPrerequisite());
        var timeline = SampleTimelines.Interleaving();
        var hostile = SampleTimelines.Hostile();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { JavaScriptEnabled = false, ViewportSize = new() { Width = 1000, Height = 800 } });
        await page.SetContentAsync(Page(timeline.ToHtml() + hostile.ToHtml(), pageHasRequireJs: false));

        var charts = page.Locator(".asynclab-timeline");
        var fallback = charts.Nth(0).Locator(".asynclab-timeline-static svg");
        Assert.True(await fallback.IsVisibleAsync());
        Assert.Equal(timeline.Segments.Count, await fallback.Locator("rect.bar").CountAsync());
        Assert.Equal(0, await charts.Nth(0).Locator(".asynclab-timeline-plot svg").CountAsync());
        var hostileLane = await charts.Nth(1).Locator("text.lane").First.TextContentAsync();
        Assert.StartsWith(SampleTimelines.HostileLane[..20], hostileLane);
        await SaveAsync(charts.Nth(0), "timeline-static-svg.png");
        await SaveAsync(charts.Nth(1), "timeline-static-svg-hostile.png");
    }

    [BrowserFact]
    public async Task A_traced_event_loop_run_renders_one_bar_per_recorded_segment()
    {
        Assert.Null(ChartTestPaths.MissingPrerequisite());
        var trace = new Trace("Two downloads share the loop thread; one cell blocks it");
        EventLoop.Run(async () =>
        {
            var a = trace.Run("download A", () => Steps(trace, "A", 0));
            var b = trace.Run("download B", () => Steps(trace, "B", 15));
            await Task.Delay(70);
            using (trace.Span("main", "Thread.Sleep(60)", SegmentState.Blocked))
                Thread.Sleep(60);
            await Task.WhenAll(a, b);
        }, new LoopOptions { Trace = trace });
        var byTask = Timeline.From(trace);
        var byThread = Timeline.From(trace, LaneMode.ByThread, "The same run, one row per thread");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { JavaScriptEnabled = false, ViewportSize = new() { Width = 1000, Height = 900 } });
        await page.SetContentAsync(Page(byTask.ToHtml() + byThread.ToHtml(), pageHasRequireJs: false));

        var charts = page.Locator(".asynclab-timeline");
        Assert.Equal(byTask.Segments.Count, await charts.Nth(0).Locator("rect.bar").CountAsync());
        Assert.Equal(byTask.Segments.Count(s => s.State != SegmentState.Waiting), await charts.Nth(1).Locator("rect.bar").CountAsync());
        await SaveAsync(charts.Nth(0), "timeline-event-loop-by-task.png");
        await SaveAsync(charts.Nth(1), "timeline-event-loop-by-thread.png");
        output.WriteLine(byTask.ToText());
    }

    private static async Task Steps(Trace trace, string name, int offsetMs)
    {
        await Task.Delay(offsetMs);
        for (var i = 0; i < 3; i++)
        {
            trace.Mark("download " + name, "chunk " + i);
            Thread.SpinWait(200_000);
            await Task.Delay(40);
        }
    }

    private async Task DrawsEveryBar(bool pageHasRequireJs, string picture)
    {
        Assert.Null(ChartTestPaths.MissingPrerequisite());
        var timeline = SampleTimelines.Interleaving();
        var hostile = SampleTimelines.Hostile();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1000, Height = 800 } });
        var problems = new List<string>();
        page.PageError += (_, error) => problems.Add("page error: " + error);
        page.Dialog += (_, dialog) => problems.Add("dialog opened: " + dialog.Message);
        await RouteCdnToLocalCopiesAsync(page);

        // Two charts on one page, as in VS Code's output view: both must draw, and the hostile one must stay text.
        await page.SetContentAsync(Page(timeline.ToHtml() + hostile.ToHtml(), pageHasRequireJs));
        await page.WaitForFunctionAsync(
            "() => [...document.querySelectorAll('.asynclab-timeline-static')].every(s => s.style.display === 'none')",
            null, new() { Timeout = 90_000 });

        var charts = page.Locator(".asynclab-timeline");
        Assert.Equal(timeline.Segments.Count, await charts.Nth(0).Locator(".asynclab-timeline-plot .barlayer .point").CountAsync());
        Assert.Equal(hostile.Segments.Count, await charts.Nth(1).Locator(".asynclab-timeline-plot .barlayer .point").CountAsync());
        Assert.False(await charts.Nth(0).Locator(".asynclab-timeline-static").IsVisibleAsync());
        var hostileTick = await charts.Nth(1).Locator(".asynclab-timeline-plot .ytick text").First.TextContentAsync();
        Assert.StartsWith(SampleTimelines.HostileLane[..20], hostileTick);
        if (pageHasRequireJs)
            Assert.True(await page.EvaluateAsync<bool>("() => window.Plotly === undefined"), "plotly loaded as an AMD module, not a global");
        Assert.Empty(problems);
        await SaveAsync(charts.Nth(0), picture);
    }

    private static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChartTestPaths.Chromium, Headless = true });

    private static async Task RouteCdnToLocalCopiesAsync(IPage page)
    {
        await page.RouteAsync(PlotlyCdn, route => route.FulfillAsync(new() { Path = ChartTestPaths.PlotlyJs, ContentType = "text/javascript" }));
        await page.RouteAsync(RequireJsCdn, route => route.FulfillAsync(new() { Path = ChartTestPaths.RequireJs, ContentType = "text/javascript" }));
    }

    private static string Page(string body, bool pageHasRequireJs) =>
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\">" +
        (pageHasRequireJs ? $"<script src=\"{RequireJsCdn}\"></script>" : "") +
        "</head><body style=\"margin:16px;background:#fff\">" + body + "</body></html>";

    private async Task SaveAsync(ILocator chart, string name)
    {
        Directory.CreateDirectory(ChartTestPaths.Pictures);
        var path = Path.Combine(ChartTestPaths.Pictures, name);
        await chart.ScreenshotAsync(new() { Path = path });
        output.WriteLine($"picture: {path}");
    }
}
