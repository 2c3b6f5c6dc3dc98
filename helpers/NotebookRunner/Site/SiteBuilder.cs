using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using NotebookRunner.Cli;
using NotebookRunner.Documents;

namespace NotebookRunner.Site;

/// <summary>
/// Builds the lesson site from the notebooks' stored outputs, without running them: one page per lesson, the index, the
/// notebooks to download, the site's own assets and a local plotly.js, and the pagefind search index. The site is built in
/// a sibling folder and moved into place at the end, so a failed build leaves the previous site as it was.
/// </summary>
internal sealed partial class SiteBuilder(TextWriter output, TextWriter error)
{
    /// <summary>A file in every built site; its presence lets a rebuild replace the folder, its absence protects other folders.</summary>
    public const string MarkerFile = ".lesson-site";

    /// <summary>Builds the site; returns the exit code (0 built, 1 a notebook could not become a page, 2 bad usage).</summary>
    public async Task<int> BuildAsync(SiteOptions options, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        List<string> notebooks;
        NpmTools npm;
        string target;
        try
        {
            notebooks = NotebookDiscovery.Expand(options.Paths).Where(p => p.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase)).ToList();
            if (notebooks.Count == 0)
            {
                throw new UsageException($"{string.Join(", ", options.Paths)}: no .ipynb notebooks found");
            }

            target = CheckedTarget(options.OutputDirectory, notebooks);
            npm = NpmTools.Locate([Environment.CurrentDirectory, Path.GetDirectoryName(Path.GetFullPath(notebooks[0]))!]);
        }
        catch (UsageException e)
        {
            await error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var readmePath = options.Readme ?? FindReadme(notebooks[0]);
        var problems = new SiteProblems();
        var lessonFiles = notebooks.ToDictionary(p => Path.GetFileName(p), p => Path.GetFileNameWithoutExtension(p) + ".html", StringComparer.OrdinalIgnoreCase);
        var prose = new ProseRenderer(url => ResolveLink(url, lessonFiles));
        var readme = ReadmeFacts.Read(readmePath, prose);
        var siteTitle = readme.Title ?? "Lessons";

        var failed = false;
        var lessons = new List<Lesson>();
        foreach (var path in notebooks)
        {
            try
            {
                lessons.Add(ReadLesson(path, lessons.Count + 1, readme, prose));
            }
            catch (NotebookFormatException e)
            {
                failed = true;
                await error.WriteLineAsync($"{e.Message}{NearCell(e)}: no page for this notebook").ConfigureAwait(false);
            }
        }

        var staging = target + ".building";
        DeleteIfExists(staging);
        Directory.CreateDirectory(Path.Combine(staging, "assets"));
        Directory.CreateDirectory(Path.Combine(staging, "notebooks"));
        var outputs = new OutputRenderer(prose, problems);
        var weights = new List<(Lesson Lesson, long Page, long Notebook)>();
        foreach (var lesson in lessons)
        {
            var page = LessonPage.Render(lesson, lessons, siteTitle, options.RepositoryUrl, prose, outputs);
            var pagePath = Path.Combine(staging, lesson.PageFile);
            await File.WriteAllTextAsync(pagePath, page, ct).ConfigureAwait(false);
            File.Copy(lesson.SourcePath, Path.Combine(staging, lesson.NotebookFile));
            weights.Add((lesson, new FileInfo(pagePath).Length, new FileInfo(lesson.SourcePath).Length));
        }

        await File.WriteAllTextAsync(Path.Combine(staging, "index.html"), IndexPage.Render(lessons, siteTitle, readme), ct).ConfigureAwait(false);
        await SiteAssets.WriteAsync(Path.Combine(staging, "assets"), npm.PlotlyJs, ct).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(staging, MarkerFile), "Built by `NotebookRunner site`; the folder is replaced on every build.\n", ct).ConfigureAwait(false);
        var searchClock = Stopwatch.StartNew();
        try
        {
            await PagefindIndexer.RunAsync(npm.Pagefind, staging, ct).ConfigureAwait(false);
        }
        catch (InvalidOperationException e)
        {
            await error.WriteLineAsync($"search index: {e.Message}").ConfigureAwait(false);
            DeleteIfExists(staging);
            return ExitCodes.Failure;
        }

        searchClock.Stop();
        Replace(target, staging);
        clock.Stop();
        await ReportAsync(target, lessons.Count, weights, problems, clock.Elapsed, searchClock.Elapsed, npm.PlotlyJs).ConfigureAwait(false);
        return failed ? ExitCodes.Failure : ExitCodes.Success;
    }

    private static Lesson ReadLesson(string path, int position, ReadmeFacts readme, ProseRenderer prose)
    {
        var document = NotebookReader.ReadForDisplay(path);
        var slug = Path.GetFileNameWithoutExtension(path);
        var number = LeadingNumber().Match(slug) is { Success: true } m ? int.Parse(m.Value, CultureInfo.InvariantCulture) : position;
        var intro = LessonIntro.Read(document, slug, prose);
        if (readme.MirrorsByNotebook.TryGetValue(Path.GetFileName(path), out var article))
        {
            intro = intro with { Mirrors = article };
        }

        return new Lesson(number, slug, path, document, intro, ReadingTime.Minutes(document));
    }

    // Links between lessons point at their pages; anything else relative to a notebook is left as written.
    private static string ResolveLink(string url, Dictionary<string, string> lessonPages)
    {
        var hash = url.IndexOf('#', StringComparison.Ordinal);
        var file = hash < 0 ? url : url[..hash];
        return !file.Contains(':', StringComparison.Ordinal) && lessonPages.TryGetValue(Path.GetFileName(file), out var page)
            ? page + (hash < 0 ? "" : url[hash..])
            : url;
    }

    private static string CheckedTarget(string outputDirectory, List<string> notebooks)
    {
        var target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outputDirectory));
        if (notebooks.Any(n => Path.GetFullPath(n).StartsWith(target + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
        {
            throw new UsageException($"--out {outputDirectory}: the site folder would contain the notebooks it is built from");
        }

        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any() && !File.Exists(Path.Combine(target, MarkerFile)))
        {
            throw new UsageException($"--out {outputDirectory}: the folder exists and is not a site built by this command; choose an empty or new folder");
        }

        return target;
    }

    private static string? FindReadme(string notebook)
    {
        for (var dir = new DirectoryInfo(Path.GetDirectoryName(Path.GetFullPath(notebook))!); dir is not null; dir = dir.Parent)
        {
            var readme = Path.Combine(dir.FullName, "README.md");
            if (File.Exists(readme))
            {
                return readme;
            }
        }

        return null;
    }

    // Invalid JSON has no cells to point at; the cells begun above the error line say where to look.
    private static string NearCell(NotebookFormatException e)
    {
        if (e.Line is not { } line || !File.Exists(e.Path))
        {
            return "";
        }

        var cells = File.ReadLines(e.Path).Take(line).Count(l => l.Contains("\"cell_type\"", StringComparison.Ordinal));
        return cells > 0 ? $" (in or after cell {cells})" : "";
    }

    private static void Replace(string target, string staging)
    {
        var old = target + ".old";
        DeleteIfExists(old);
        if (Directory.Exists(target))
        {
            Directory.Move(target, old);
        }

        Directory.Move(staging, target);
        DeleteIfExists(old);
    }

    private static void DeleteIfExists(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task ReportAsync(string target, int pages, List<(Lesson Lesson, long Page, long Notebook)> weights, SiteProblems problems,
                                   TimeSpan total, TimeSpan search, string plotlyJs)
    {
        foreach (var problem in problems.Lines)
        {
            await error.WriteLineAsync($"{problem} (shown on the page)").ConfigureAwait(false);
        }

        foreach (var (lesson, page, notebook) in weights)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{lesson.PageFile}: {page / 1024.0:0} KB page, notebook {notebook / 1024.0:0} KB ({100.0 * page / notebook:0}%)")).ConfigureAwait(false);
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"built {pages} lesson pages and the index in {total.TotalSeconds:0.00} s (search index {search.TotalSeconds:0.00} s, " +
            $"runner CPU {Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:0.00} s); " +
            $"plotly.js {new FileInfo(plotlyJs).Length / 1048576.0:0.0} MB once for the site; {problems.Lines.Count} problems shown in place")).ConfigureAwait(false);
        await output.WriteLineAsync($"site: {target}{Path.DirectorySeparatorChar}index.html").ConfigureAwait(false);
    }

    [GeneratedRegex(@"^\d+")]
    private static partial Regex LeadingNumber();
}
