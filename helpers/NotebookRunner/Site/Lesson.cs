using NotebookRunner.Documents;

namespace NotebookRunner.Site;

/// <summary>One lesson of the site: its notebook and what the index says about it, all taken from the notebook and the README.</summary>
/// <param name="Number">The lesson number: the notebook file name's leading digits, else its place in the sorted list.</param>
/// <param name="Slug">The notebook file name without extension; the page is <c>Slug.html</c>, the download <c>notebooks/Slug.ipynb</c>.</param>
/// <param name="SourcePath">The notebook file as given on the command line.</param>
/// <param name="Document">The notebook as stored, read for display.</param>
/// <param name="Intro">Title, "what you will learn" and the mirrored article.</param>
/// <param name="ReadingMinutes">Estimated reading time.</param>
internal sealed record Lesson(int Number, string Slug, string SourcePath, NotebookDocument Document, LessonIntro Intro, int ReadingMinutes)
{
    /// <summary>The page's file name in the site.</summary>
    public string PageFile => Slug + ".html";

    /// <summary>The notebook's path in the site, for the download link.</summary>
    public string NotebookFile => "notebooks/" + Slug + ".ipynb";
}
