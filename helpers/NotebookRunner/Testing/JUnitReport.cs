using System.Globalization;
using System.Xml.Linq;

namespace NotebookRunner.Testing;

/// <summary>Writes a JUnit XML report: one <c>testsuite</c> per notebook, one <c>testcase</c> per code cell.</summary>
public static class JUnitReport
{
    /// <summary>The report for the given notebooks and for files that could not be read (reported as errors).</summary>
    /// <param name="results">Notebook results.</param>
    /// <param name="unreadable">File and message of notebooks that failed to load.</param>
    public static XDocument Create(IEnumerable<NotebookTestResult> results, IEnumerable<(string Path, string Message)> unreadable)
    {
        var suites = results.Select(Suite).Concat(unreadable.Select(Unreadable)).ToList();
        return new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement("testsuites",
            new XAttribute("name", "notebooks"),
            Totals(suites),
            suites));
    }

    /// <summary>Writes the report atomically.</summary>
    public static void Write(string path, IEnumerable<NotebookTestResult> results, IEnumerable<(string Path, string Message)> unreadable)
    {
        var report = Create(results, unreadable);
        Documents.AtomicFile.WriteAllText(path, $"{report.Declaration}\n{report}\n");
    }

    private static XElement Suite(NotebookTestResult result) => new("testsuite",
        new XAttribute("name", result.Path),
        new XAttribute("tests", result.Cells.Count),
        new XAttribute("failures", result.FailedCount),
        new XAttribute("errors", 0),
        new XAttribute("skipped", result.SkippedCount),
        new XAttribute("time", Seconds(result.Elapsed)),
        result.Cells.Select(Case));

    private static XElement Case(CellTestResult cell)
    {
        var element = new XElement("testcase",
            new XAttribute("classname", cell.Path),
            new XAttribute("name", $"cell {cell.CellNumber}: {ReportLimits.Clip(cell.FirstLine)}"),
            new XAttribute("time", Seconds(cell.Run.Elapsed)));
        switch (cell.Outcome)
        {
            case CellOutcome.Skipped:
                element.Add(new XElement("skipped", new XAttribute("message", cell.Run.FailureMessage ?? "skipped by a directive")));
                break;
            case CellOutcome.Failed or CellOutcome.NotRun:
                var report = cell.Describe();
                element.Add(new XElement("failure", new XAttribute("message", cell.Headline()), report));
                break;
        }

        return element;
    }

    private static XElement Unreadable((string Path, string Message) file) => new("testsuite",
        new XAttribute("name", file.Path),
        new XAttribute("tests", 1), new XAttribute("failures", 0), new XAttribute("errors", 1), new XAttribute("skipped", 0),
        new XAttribute("time", "0"),
        new XElement("testcase", new XAttribute("classname", file.Path), new XAttribute("name", "read notebook"), new XAttribute("time", "0"),
            new XElement("error", new XAttribute("message", file.Message), file.Message)));

    private static IEnumerable<XAttribute> Totals(List<XElement> suites)
    {
        int Sum(string name) => suites.Sum(s => (int)s.Attribute(name)!);
        yield return new XAttribute("tests", Sum("tests"));
        yield return new XAttribute("failures", Sum("failures"));
        yield return new XAttribute("errors", Sum("errors"));
        yield return new XAttribute("skipped", Sum("skipped"));
        yield return new XAttribute("time", Seconds(TimeSpan.FromSeconds(suites.Sum(s => double.Parse((string)s.Attribute("time")!, CultureInfo.InvariantCulture)))));
    }

    private static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);
}
