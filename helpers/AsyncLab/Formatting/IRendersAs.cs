namespace AsyncLab.Formatting;

/// <summary>
/// A value that renders itself as HTML and as plain text. Together with
/// <c>[TypeFormatterSource(typeof(RendersAsFormatterSource), PreferredMimeTypes = new[] { "text/html", "text/plain" })]</c>
/// on the implementing type, this is all a type needs to render as a cell's last expression in VS Code and in the runner.
/// </summary>
internal interface IRendersAs
{
    /// <summary>A self-contained HTML fragment (it may carry its own scripts and styles).</summary>
    string ToHtml();

    /// <summary>A plain-text rendering for terminals, logs and hosts without HTML.</summary>
    string ToText();
}
