namespace NotebookRunner.Site;

/// <summary>
/// The npm packages the site needs, installed by <c>npm ci</c> from the repository's <c>package.json</c>: plotly.js (copied
/// into the site) and pagefind (run to build the search index). Found in the nearest <c>node_modules</c> above the current
/// folder or the notebooks, the way node itself resolves packages.
/// </summary>
/// <param name="PlotlyJs">plotly.min.js.</param>
/// <param name="Pagefind">The pagefind command.</param>
internal sealed record NpmTools(string PlotlyJs, string Pagefind)
{
    /// <summary>Finds both packages, or says what to install.</summary>
    /// <exception cref="Cli.UsageException">A package is missing.</exception>
    public static NpmTools Locate(IEnumerable<string> startFolders)
    {
        foreach (var start in startFolders)
        {
            for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
            {
                var modules = Path.Combine(dir.FullName, "node_modules");
                var plotly = Path.Combine(modules, "plotly.js-dist-min", "plotly.min.js");
                var pagefind = Path.Combine(modules, ".bin", OperatingSystem.IsWindows() ? "pagefind.cmd" : "pagefind");
                if (File.Exists(plotly) && File.Exists(pagefind))
                {
                    return new NpmTools(plotly, pagefind);
                }
            }
        }

        throw new Cli.UsageException("plotly.js-dist-min and pagefind are not installed: run `npm ci` in the repository root (see package.json)");
    }
}
