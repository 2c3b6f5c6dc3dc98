namespace NotebookRunner.Site;

/// <summary>What to build the site from and where to put it.</summary>
/// <param name="Paths">Notebook files or folders (searched for <c>*.ipynb</c>).</param>
/// <param name="OutputDirectory">The site folder; replaced as a whole when the build succeeds.</param>
/// <param name="Readme">The README with the site title and the lesson table, or null to look above the notebooks.</param>
/// <param name="RepositoryUrl">Where the repository lives, for the "run it yourself" instructions; null to not link it.</param>
internal sealed record SiteOptions(IReadOnlyList<string> Paths, string OutputDirectory, string? Readme, string? RepositoryUrl);
