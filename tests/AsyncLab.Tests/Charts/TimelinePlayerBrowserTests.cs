using System.Text.Json;
using AsyncLab;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace AsyncLab.Tests.Charts;

/// <summary>
/// The views, states, panels and arrows as a browser draws them, and the step-through player driven like a learner does:
/// buttons, keyboard and scrubber. Screenshots of each view go to the chart-pictures folder.
/// </summary>
public sealed class TimelinePlayerBrowserTests(ITestOutputHelper output)
{
    [BrowserFact]
    public async Task Each_view_draws_its_bars_and_arrows_in_the_svg_and_in_plotly()
    {
        Assert.Null(ChartTestPaths.MissingPrerequisite());
        Timeline[] charts =
        [
            SampleTimelines.AllStates(LaneMode.ByTask), SampleTimelines.AllStates(LaneMode.ByThread),
            SampleTimelines.AllStates(LaneMode.Combined), SampleTimelines.ThreeWays(),
        ];
        string[] names = ["view-by-task.png", "view-by-thread.png", "view-combined.png", "view-panels.png"];
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await ChartBrowser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1000, Height = 900 } });
        await ChartBrowser.RouteCdnToLocalCopiesAsync(page);
        await page.SetContentAsync(ChartBrowser.Page(string.Concat(charts.Select(c => c.ToHtml())), pageHasRequireJs: false));
        await page.WaitForFunctionAsync(
            "() => [...document.querySelectorAll('.asynclab-timeline-static')].every(s => s.style.display === 'none')",
            null, new() { Timeout = 90_000 });

        var drawn = page.Locator(".asynclab-timeline");
        for (var i = 0; i < charts.Length; i++)
        {
            var svg = XmlCounts(charts[i]);
            Assert.Equal(svg.Bars, await drawn.Nth(i).Locator(".asynclab-timeline-plot .barlayer .point").CountAsync());
            Assert.Equal(svg.Arrows, await drawn.Nth(i).Locator(".asynclab-timeline-plot .annotation-arrow-g").CountAsync());
            await ChartBrowser.SaveAsync(drawn.Nth(i), names[i], output);
        }
    }

    [BrowserFact]
    public async Task The_player_steps_through_every_event_and_the_caption_and_highlight_follow()
    {
        Assert.Null(ChartTestPaths.MissingPrerequisite());
        var timeline = SampleTimelines.AllStates(LaneMode.Combined);
        var steps = PlayerSteps(timeline);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await ChartBrowser.LaunchAsync(playwright);
        // No plotly (its address fails): the player works on the static SVG, as on a page without the CDN.
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1000, Height = 700 } });
        await page.RouteAsync("https://**", route => route.AbortAsync());
        var problems = new List<string>();
        page.PageError += (_, error) => problems.Add(error);
        await page.SetContentAsync(ChartBrowser.Page(timeline.ToHtml(), pageHasRequireJs: false));

        var chart = page.Locator(".asynclab-timeline");
        var caption = chart.Locator(".asynclab-caption");
        var highlight = chart.Locator(".asynclab-highlight");
        for (var i = 0; i < steps.Count; i++)
        {
            Assert.Equal(steps[i].Caption, await caption.TextContentAsync());
            Assert.Equal(i.ToString(System.Globalization.CultureInfo.InvariantCulture), await chart.GetAttributeAsync("data-asynclab-step"));
            if (steps[i].Bar >= 0)
                Assert.Equal(steps[i].Bar.ToString(System.Globalization.CultureInfo.InvariantCulture), await highlight.GetAttributeAsync("data-bar"));
            else
                Assert.Equal(0, await highlight.CountAsync());
            if (i == 3)
                await ChartBrowser.SaveAsync(chart, "player-step.png", output);
            if (i < steps.Count - 1)
                await chart.Locator(".asynclab-next").ClickAsync();
        }
        Assert.Contains(steps, s => s.Caption == "A resumes on thread 1: its timer fired");
        Assert.Contains(steps, s => s.Caption == "B resumes on thread 1: woken by A");

        // The keyboard: Home, then Right twice and Left once; End.
        await chart.Locator(".asynclab-player").FocusAsync();
        await page.Keyboard.PressAsync("Home");
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.PressAsync("ArrowLeft");
        Assert.Equal(steps[1].Caption, await caption.TextContentAsync());
        await page.Keyboard.PressAsync("End");
        Assert.Equal(steps[^1].Caption, await caption.TextContentAsync());
        // Play from the start at 4×: it reaches the last step by itself.
        await chart.Locator(".asynclab-speed").SelectOptionAsync("4");
        await chart.Locator(".asynclab-first").ClickAsync();
        await chart.Locator(".asynclab-play").ClickAsync();
        await page.WaitForFunctionAsync($"() => document.querySelector('.asynclab-timeline').getAttribute('data-asynclab-step') === '{steps.Count - 1}'",
            null, new() { Timeout = 30_000 });
        Assert.Empty(problems);
    }

    [BrowserFact]
    public async Task Without_javascript_the_svg_shows_and_no_player_appears()
    {
        Assert.Null(ChartTestPaths.MissingPrerequisite());
        var timeline = SampleTimelines.ThreeWays(LaneMode.Combined);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await ChartBrowser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { JavaScriptEnabled = false, ViewportSize = new() { Width = 1000, Height = 900 } });
        await page.SetContentAsync(ChartBrowser.Page(timeline.ToHtml(), pageHasRequireJs: false));

        var chart = page.Locator(".asynclab-timeline");
        Assert.True(await chart.Locator(".asynclab-timeline-static svg").IsVisibleAsync());
        Assert.Equal(XmlCounts(timeline).Bars, await chart.Locator("rect.bar").CountAsync());
        Assert.Equal(0, await chart.Locator(".asynclab-player").CountAsync());
        await ChartBrowser.SaveAsync(chart, "view-panels-combined-no-js.png", output);
    }

    private static (int Bars, int Arrows) XmlCounts(Timeline timeline)
    {
        var svg = System.Xml.Linq.XElement.Parse(timeline.ToSvg());
        bool Has(System.Xml.Linq.XElement e, string c) => ((string?)e.Attribute("class"))?.Split(' ').Contains(c) == true;
        return (svg.Descendants().Count(e => e.Name.LocalName == "rect" && Has(e, "bar")),
            svg.Descendants().Count(e => e.Name.LocalName == "g" && Has(e, "wake-up")));
    }

    private static List<(string Caption, int Bar)> PlayerSteps(Timeline timeline)
    {
        var html = timeline.ToHtml();
        var start = html.IndexOf("class=\"asynclab-figure\">", StringComparison.Ordinal) + "class=\"asynclab-figure\">".Length;
        var json = JsonDocument.Parse(html[start..html.IndexOf("</script>", start, StringComparison.Ordinal)]).RootElement;
        return json.GetProperty("player").GetProperty("steps").EnumerateArray()
            .Select(s => (s.GetProperty("caption").GetString()!, s.GetProperty("bar").GetInt32())).ToList();
    }
}
