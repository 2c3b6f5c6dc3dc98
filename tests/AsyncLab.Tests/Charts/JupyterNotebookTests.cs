using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace AsyncLab.Tests.Charts;

/// <summary>
/// The Jupyter route seen by a learner: Debian's Jupyter Notebook (on loopback, no token) with the .NET Interactive tool
/// registered as the kernel <c>.net-csharp</c>, a notebook that references AsyncLab opened in headless chromium, its
/// cells run from the Cell menu, and the timeline chart drawn by plotly.js in the output.
/// </summary>
public sealed class JupyterNotebookTests(ITestOutputHelper output)
{
    private const string JupyterNotebook = "/usr/bin/jupyter-notebook";
    private const string PlotlyCdn = "https://cdn.plot.ly/plotly-2.27.1.min.js";

    private static readonly System.Text.StringBuilder ServerLog = new();

    [BrowserFact]
    public async Task A_timeline_chart_is_drawn_when_the_cells_run_in_Jupyter_Notebook()
    {
        Assert.Null(ChartTestPaths.MissingPrerequisite());
        Assert.True(File.Exists(JupyterNotebook), $"{JupyterNotebook} is missing (apt-get install jupyter-notebook)");
        var jupyter = Directory.CreateTempSubdirectory("jupyter-ui-").FullName;
        Directory.CreateDirectory(Path.Combine(jupyter, "kernels"));
        await RunAsync("dotnet", ChartTestPaths.Repository, "tool", "restore");
        await RunAsync("dotnet", ChartTestPaths.Repository, "interactive", "jupyter", "install", "--path", Path.Combine(jupyter, "kernels"));

        // Inside the repository, so that the kernel's `dotnet interactive` finds the tool manifest.
        var folder = Path.Combine(AppContext.BaseDirectory, "jupyter-ui");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "timeline.ipynb"), Notebook());
        var port = FreePort();
        using var server = StartServer(folder, jupyter, port);
        try
        {
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChartTestPaths.Chromium, Headless = true });
            var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1200, Height = 1000 } });
            await page.RouteAsync(PlotlyCdn, route => route.FulfillAsync(new() { Path = ChartTestPaths.PlotlyJs, ContentType = "text/javascript" }));
            await WaitForServerAsync(page, port, server);
            await page.GotoAsync($"http://127.0.0.1:{port}/notebooks/timeline.ipynb");
            await page.WaitForSelectorAsync("#kernel_indicator_icon.kernel_idle_icon", new() { Timeout = 300_000 });

            await page.ClickAsync("#celllink");
            await page.ClickAsync("#run_all_cells");
            // plotly.js draws the chart where it loads; otherwise the chart's static SVG shows. Either is a drawn chart.
            var chart = page.Locator(".output_area .asynclab-timeline");
            try
            {
                await chart.Locator("svg rect.bar, .barlayer .point").First.WaitForAsync(new() { Timeout = 300_000 });
            }
            catch (TimeoutException)
            {
                await page.ScreenshotAsync(new() { Path = Path.Combine(jupyter, "no-chart.png"), FullPage = true });
                Assert.Fail($"no timeline drawn within 5 minutes; the page is in {jupyter}/no-chart.png; the server said:\n{ServerLog}");
            }

            var plotted = await chart.Locator(".barlayer .point").CountAsync();
            var lanes = plotted > 0 ? await chart.Locator(".ytick text").CountAsync() : await chart.Locator("svg text.lane").CountAsync();
            Assert.Equal(3, lanes);
            output.WriteLine(plotted > 0 ? $"plotly.js drew {plotted} bars" : "the static SVG shows (plotly.js did not load in this page)");
            Assert.Equal(0, await page.Locator(".output_area .output_error").CountAsync());
            Directory.CreateDirectory(ChartTestPaths.Pictures);
            var picture = Path.Combine(ChartTestPaths.Pictures, "jupyter-notebook-timeline.png");
            await page.ScreenshotAsync(new() { Path = picture, FullPage = true });
            output.WriteLine($"picture: {picture}");
        }
        finally
        {
            server.Kill(entireProcessTree: true);
        }
    }

    // A lesson's first cells in small: reference AsyncLab, trace three tasks on the event loop, show the timeline.
    private static string Notebook()
    {
        var assembly = Path.Combine(ChartTestPaths.Repository, "helpers", "AsyncLab", "bin", "AsyncLab.dll");
        JsonObject Cell(string source) => new()
        {
            ["cell_type"] = "code", ["execution_count"] = null, ["metadata"] = new JsonObject(), ["outputs"] = new JsonArray(), ["source"] = source,
        };
        return new JsonObject
        {
            ["cells"] = new JsonArray(
                Cell($"#r \"{assembly}\"\nusing AsyncLab;"),
                Cell("""
                     var trace = new Trace("Three tasks take turns on the loop thread");
                     EventLoop.Run(async () =>
                     {
                         var tasks = new[] { 30, 60, 90 }.Select(ms => trace.Run($"wait {ms} ms", () => Task.Delay(ms))).ToList();
                         await Task.WhenAll(tasks);
                     }, new LoopOptions { Trace = trace });
                     Timeline.From(trace)
                     """)),
            ["metadata"] = new JsonObject
            {
                ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
                ["language_info"] = new JsonObject { ["name"] = "polyglot-notebook" },
            },
            ["nbformat"] = 4,
            ["nbformat_minor"] = 4,
        }.ToJsonString();
    }

    private static Process StartServer(string folder, string jupyter, int port)
    {
        var start = new ProcessStartInfo(JupyterNotebook) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "--no-browser", "--ip=127.0.0.1", $"--port={port}", "--NotebookApp.token=", "--NotebookApp.password=",
                                    $"--notebook-dir={folder}", "--allow-root" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["JUPYTER_PATH"] = jupyter;
        start.Environment["JUPYTER_CONFIG_DIR"] = Path.Combine(jupyter, "config");
        start.Environment["JUPYTER_RUNTIME_DIR"] = Path.Combine(jupyter, "runtime");
        start.Environment["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { lock (ServerLog) { ServerLog.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (ServerLog) { ServerLog.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitForServerAsync(IPage page, int port, Process server)
    {
        var until = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            try
            {
                var response = await page.APIRequest.GetAsync($"http://127.0.0.1:{port}/api");
                if (response.Ok)
                {
                    return;
                }
            }
            catch (PlaywrightException) when (DateTime.UtcNow < until && !server.HasExited)
            {
            }

            Assert.False(server.HasExited, $"jupyter-notebook exited before it served:\n{ServerLog}");
            Assert.True(DateTime.UtcNow < until, "jupyter-notebook did not answer within 2 minutes");
            await Task.Delay(500);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string program, string folder, params string[] args)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var text = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', args)}: exit {process.ExitCode}\n{await text}\n{await error}");
    }
}
