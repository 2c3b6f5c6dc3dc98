namespace AsyncLab.Tests.Charts;

/// <summary>Where the browser test finds its inputs and leaves its pictures.</summary>
internal static class ChartTestPaths
{
    public const string Chromium = "/usr/bin/chromium";

    /// <summary>The repository root (the folder holding AsyncNotebooks.slnx).</summary>
    public static string Repository { get; } = RepositoryRoot();

    /// <summary>The npm folder holding plotly.js and require.js (<c>npm ci</c> there installs them).</summary>
    public static string JsFolder { get; } = Path.Combine(Repository, "tests", "AsyncLab.Tests", "Charts", "js");

    public static string PlotlyJs => Path.Combine(JsFolder, "node_modules", "plotly.js-dist-min", "plotly.min.js");

    public static string RequireJs => Path.Combine(JsFolder, "node_modules", "requirejs", "require.js");

    /// <summary>PNG screenshots of the rendered charts, for a person to look at.</summary>
    public static string Pictures { get; } = Path.Combine(AppContext.BaseDirectory, "chart-pictures");

    /// <summary>What is missing to run the browser test, or null when everything is there.</summary>
    public static string? MissingPrerequisite()
    {
        if (!File.Exists(Chromium))
            return $"chromium is not installed at {Chromium} (apt-get install chromium)";
        if (!File.Exists(PlotlyJs) || !File.Exists(RequireJs))
            return $"plotly.js / require.js are not installed (run npm ci in {JsFolder})";
        return null;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AsyncNotebooks.slnx")))
                return dir.FullName;
        }
        throw new DirectoryNotFoundException($"No AsyncNotebooks.slnx above {AppContext.BaseDirectory}.");
    }
}
