using System.Text.Json.Nodes;
using NotebookRunner.Site;

namespace Site.Tests;

/// <summary>Paths of the repository, and sites built into temporary folders from the lessons or from notebooks a test writes.</summary>
internal static class SiteFixtures
{
    public const string Chromium = "/usr/bin/chromium";

    /// <summary>The repository root (the folder holding AsyncNotebooks.slnx).</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Notebooks => Path.Combine(RepoRoot, "notebooks");

    /// <summary>The lesson notebooks, sorted as the site orders them.</summary>
    public static IReadOnlyList<string> Lessons => Directory.GetFiles(Notebooks, "*.ipynb").Order(StringComparer.Ordinal).ToList();

    /// <summary>Where the browser tests leave their screenshots, for a person to look at.</summary>
    public static string Pictures { get; } = Path.Combine(AppContext.BaseDirectory, "site-pictures");

    /// <summary>What is missing to build the site or run the browser, or null when everything is there.</summary>
    public static string? MissingPrerequisite(bool browser)
    {
        if (!File.Exists(Path.Combine(RepoRoot, "node_modules", "plotly.js-dist-min", "plotly.min.js"))
            || !File.Exists(Path.Combine(RepoRoot, "node_modules", ".bin", "pagefind")))
            return $"plotly.js-dist-min and pagefind are not installed (run npm ci in {RepoRoot})";
        if (browser && !File.Exists(Chromium))
            return $"chromium is not installed at {Chromium} (apt-get install chromium)";
        return null;
    }

    public static string NewTempFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "site-tests", Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>Builds a site; returns the exit code and what the command printed on each stream.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> BuildAsync(IReadOnlyList<string> paths, string outputFolder, string? readme = null)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await new SiteBuilder(output, error).BuildAsync(new SiteOptions(paths, outputFolder, readme, "https://example.org/asyncnotebooks"), CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>An nbformat 4 notebook with the given cells as JSON objects.</summary>
    public static string Notebook(params JsonNode[] cells) => new JsonObject
    {
        ["cells"] = new JsonArray(cells),
        ["metadata"] = new JsonObject { ["kernelspec"] = new JsonObject { ["name"] = ".net-csharp", ["language"] = "C#" } },
        ["nbformat"] = 4,
        ["nbformat_minor"] = 5,
    }.ToJsonString();

    public static JsonObject Markdown(string source) => new() { ["cell_type"] = "markdown", ["metadata"] = new JsonObject(), ["source"] = source };

    public static JsonObject Code(string source, params JsonNode[] outputs) => new()
    {
        ["cell_type"] = "code", ["execution_count"] = 1, ["metadata"] = new JsonObject(), ["source"] = source, ["outputs"] = new JsonArray(outputs),
    };

    public static JsonObject Html(string html, string? plain = null)
    {
        var data = new JsonObject { ["text/html"] = html };
        if (plain is not null)
            data["text/plain"] = plain;
        return new JsonObject { ["output_type"] = "display_data", ["data"] = data, ["metadata"] = new JsonObject() };
    }

    public static JsonObject Stdout(string text) => new() { ["output_type"] = "stream", ["name"] = "stdout", ["text"] = text };

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AsyncNotebooks.slnx")))
                return dir.FullName;
        }
        throw new DirectoryNotFoundException($"No AsyncNotebooks.slnx above {AppContext.BaseDirectory}.");
    }
}
