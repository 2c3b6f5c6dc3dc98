using Microsoft.Playwright;
using Xunit.Abstractions;

namespace AsyncLab.Tests.Charts;

/// <summary>Debian's chromium through Playwright, with the chart's CDN addresses served from the npm folder.</summary>
internal static class ChartBrowser
{
    public const string PlotlyCdn = "https://cdn.plot.ly/plotly-2.27.1.min.js";
    public const string RequireJsCdn = "https://cdnjs.cloudflare.com/ajax/libs/require.js/2.3.6/require.min.js";

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChartTestPaths.Chromium, Headless = true });

    public static async Task RouteCdnToLocalCopiesAsync(IPage page)
    {
        await page.RouteAsync(PlotlyCdn, route => route.FulfillAsync(new() { Path = ChartTestPaths.PlotlyJs, ContentType = "text/javascript" }));
        await page.RouteAsync(RequireJsCdn, route => route.FulfillAsync(new() { Path = ChartTestPaths.RequireJs, ContentType = "text/javascript" }));
    }

    public static string Page(string body, bool pageHasRequireJs) =>
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\">" +
        (pageHasRequireJs ? $"<script src=\"{RequireJsCdn}\"></script>" : "") +
        "</head><body style=\"margin:16px;background:#fff\">" + body + "</body></html>";

    /// <summary>A screenshot of one chart into <see cref="ChartTestPaths.Pictures"/>, for a person to look at.</summary>
    public static async Task SaveAsync(ILocator chart, string name, ITestOutputHelper output)
    {
        Directory.CreateDirectory(ChartTestPaths.Pictures);
        var path = Path.Combine(ChartTestPaths.Pictures, name);
        await chart.ScreenshotAsync(new() { Path = path });
        output.WriteLine($"picture: {path}");
    }
}
