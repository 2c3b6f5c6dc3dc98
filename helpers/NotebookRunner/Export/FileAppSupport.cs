// What the notebook's display(...), .Display(), HTML(...) and trailing expressions become in a file-based app:
// text on the console, and HTML (charts) written to files next to this app, whose paths are printed.
static class Notebook
{
    private static string _app = "";
    private static int _pages;

    /// <summary>Remembers this file and works in the notebook's folder, as the notebook did in VS Code.</summary>
    public static void Start(string notebookFolder, [System.Runtime.CompilerServices.CallerFilePath] string app = "")
    {
        _app = app;
        Environment.CurrentDirectory = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(app)!, notebookFolder));
    }

    /// <summary>Starts the next cell on a thread of its own, as the kernel does (see <see cref="NotebookCellStart"/>).</summary>
    public static NotebookCellStart NextCell() => default;

    /// <summary>Prints a value: its text form, and for a value with an HTML form (a chart, a table) the file that holds it.</summary>
    public static NotebookDisplay Show(object? value)
    {
        var html = value is NotebookHtml markup ? markup.Html : Format(value, "text/html");
        var text = value is null or NotebookHtml ? null : value as string ?? Format(value, "text/plain") ?? value.ToString();
        if (text is not null)
        {
            Console.WriteLine(text);
        }

        if (html is not null)
        {
            var page = Path.Combine(Path.GetDirectoryName(_app)!, $"{Path.GetFileNameWithoutExtension(_app)}.{++_pages}.html");
            File.WriteAllText(page, $"<!DOCTYPE html>\n<meta charset=\"utf-8\">\n<title>{Path.GetFileName(page)}</title>\n{html}\n");
            Console.WriteLine($"[HTML written to {page}]");
        }

        return new NotebookDisplay();
    }

    // The .NET Interactive convention AsyncLab's types follow: an attribute named TypeFormatterSourceAttribute names a
    // class whose CreateTypeFormatters() returns formatters with a MimeType and a bool Format(object, TextWriter).
    private static string? Format(object? value, string mimeType)
    {
        var attribute = value?.GetType().GetCustomAttributes(inherit: true).FirstOrDefault(a => a.GetType().Name == "TypeFormatterSourceAttribute");
        if (value is null || attribute?.GetType().GetProperty("FormatterSourceType")?.GetValue(attribute) is not Type sourceType)
        {
            return null;
        }

        var source = Activator.CreateInstance(sourceType, nonPublic: true);
        var formatters = sourceType.GetMethod("CreateTypeFormatters", Type.EmptyTypes)?.Invoke(source, null) as System.Collections.IEnumerable ?? Array.Empty<object>();
        foreach (var formatter in formatters)
        {
            var kind = formatter.GetType();
            if (kind.GetProperty("MimeType")?.GetValue(formatter) as string == mimeType && kind.GetMethod("Format") is { } format)
            {
                using var writer = new StringWriter();
                if (format.Invoke(formatter, [value, writer]) is true)
                {
                    return writer.ToString();
                }
            }
        }

        return null;
    }
}

/// <summary>
/// What <c>await Notebook.NextCell()</c> awaits: the rest of the app goes on on a thread of its own, as each cell does in
/// the kernel. Until a cell's first await its code holds that thread, not one of the pool's, so a lesson that blocks the
/// cell's thread (EventLoop.Run, a blocking wait) leaves the pool as many threads as it had in the notebook.
/// </summary>
readonly struct NotebookCellStart : System.Runtime.CompilerServices.INotifyCompletion
{
    public NotebookCellStart GetAwaiter() => this;

    public bool IsCompleted => false;

    public void OnCompleted(Action continuation) => new Thread(() => continuation()) { IsBackground = true, Name = "notebook cell" }.Start();

    public void GetResult()
    {
    }
}

/// <summary>A value shown with display(...); Update shows the new value below the old one.</summary>
sealed class NotebookDisplay
{
    public void Update(object? value) => Notebook.Show(value);
}

/// <summary>HTML(...) in a notebook: markup shown as HTML.</summary>
sealed record NotebookHtml(string Html);

static class NotebookDisplayExtensions
{
    public static NotebookDisplay Display(this object? value, params string[] mimeTypes) => Notebook.Show(value);
}
