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
        await using var browser = await ChartBrowser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { JavaScriptEnabled = false, ViewportSize = new() { Width = 1000, Height = 800 } });
        await page.SetContentAsync(ChartBrowser.Page(timeline.ToHtml() + hostile.ToHtml(), pageHasRequireJs: false));

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
        await using var browser = await ChartBrowser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { JavaScriptEnabled = false, ViewportSize = new() { Width = 1000, Height = 900 } });
        await page.SetContentAsync(ChartBrowser.Page(byTask.ToHtml() + byThread.ToHtml(), pageHasRequireJs: false));

        var charts = page.Locator(".asynclab-timeline");
        Assert.Equal(byTask.Segments.Count, await charts.Nth(0).Locator("rect.bar").CountAsync());
        // By thread, only what held a thread has a bar: waits and time in the queue hold none.
        Assert.Equal(byTask.Segments.Count(s => s.State is SegmentState.Running or SegmentState.Blocked), await charts.Nth(1).Locator("rect.bar").CountAsync());
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
        await using var browser = await ChartBrowser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1000, Height = 800 } });
        var problems = new List<string>();
        page.PageError += (_, error) => problems.Add("page error: " + error);
        page.Dialog += (_, dialog) => problems.Add("dialog opened: " + dialog.Message);
        page.Console += (_, message) =>
        {
            if (message.Type == "error" || message.Text.StartsWith("AsyncLab", StringComparison.Ordinal))
                problems.Add($"console {message.Type}: {message.Text}");
        };
        page.RequestFailed += (_, request) => problems.Add($"request failed: {request.Url}");
        await ChartBrowser.RouteCdnToLocalCopiesAsync(page);

        // Two charts on one page, as in VS Code's output view: both must draw, and the hostile one must stay text.
        await page.SetContentAsync(ChartBrowser.Page(timeline.ToHtml() + hostile.ToHtml(), pageHasRequireJs));
        try
        {
            await page.WaitForFunctionAsync(
                "() => [...document.querySelectorAll('.asynclab-timeline-static')].every(s => s.style.display === 'none')",
                null, new() { Timeout = 90_000 });
        }
        catch (TimeoutException)
        {
            Directory.CreateDirectory(ChartTestPaths.Pictures);
            await page.ScreenshotAsync(new() { Path = Path.Combine(ChartTestPaths.Pictures, "failed-" + picture), FullPage = true });
            var state = await page.EvaluateAsync<string>("() => typeof window.requirejs + ' ' + typeof window.asynclabPlayer + ' ' + document.querySelectorAll('.asynclab-player').length");
            Assert.Fail($"plotly did not draw both charts ({state}): " + string.Join("; ", problems));
        }

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

    private Task SaveAsync(ILocator chart, string name) => ChartBrowser.SaveAsync(chart, name, output);
}
