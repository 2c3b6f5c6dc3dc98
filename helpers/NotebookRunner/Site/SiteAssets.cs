namespace NotebookRunner.Site;

/// <summary>The files pages load: the site's stylesheet and scripts, AsyncLab's timeline player (embedded in the runner) and the local plotly.js.</summary>
internal static class SiteAssets
{
    private static readonly string[] Embedded = ["site.css", "site.js", "theme.js", "asynclab-player.js"];

    public static async Task WriteAsync(string assetsFolder, string plotlyJs, CancellationToken ct)
    {
        var assembly = typeof(SiteAssets).Assembly;
        foreach (var name in Embedded)
        {
            await using var resource = assembly.GetManifestResourceStream("site/" + name)
                                       ?? throw new InvalidOperationException($"the runner was built without its site asset {name}");
            await using var file = File.Create(Path.Combine(assetsFolder, name));
            await resource.CopyToAsync(file, ct).ConfigureAwait(false);
        }

        File.Copy(plotlyJs, Path.Combine(assetsFolder, "plotly.min.js"));
    }
}
