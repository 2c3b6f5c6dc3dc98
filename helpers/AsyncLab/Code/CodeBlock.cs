using System.Text;
using AsyncLab.Formatting;

namespace AsyncLab;

/// <summary>
/// A snippet of Python or C# to show in a lesson. As a cell's last expression it renders as highlighted HTML (colours in
/// inline styles, so viewers that strip classes keep them), with the plain source as the <c>text/plain</c> alternative.
/// Create one with <see cref="Code.Python"/> or <see cref="Code.CSharp"/>.
/// </summary>
[TypeFormatterSource(typeof(RendersAsFormatterSource), PreferredMimeTypes = new[] { "text/html", "text/plain" })]
public sealed class CodeBlock : IRendersAs
{
    private const string PreStyle = "margin:0;padding:8px 10px;background:#f8f8f8;color:#1f1f1f;border:1px solid #ddd;border-radius:4px;"
                                    + "font:13px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;white-space:pre;overflow-x:auto;text-align:left";

    internal CodeBlock(CodeLanguage language, string source, string caption)
    {
        Language = language;
        Source = source;
        Caption = caption;
    }

    /// <summary>The language the source is highlighted as.</summary>
    public CodeLanguage Language { get; }

    /// <summary>The source shown, with <c>\n</c> line endings.</summary>
    public string Source { get; }

    /// <summary>The line above the code: the language and where the code comes from.</summary>
    public string Caption { get; }

    /// <summary>A <c>figure</c> with the caption and a <c>pre</c> of coloured spans; every character of the source is escaped.</summary>
    public string ToHtml()
    {
        var html = new StringBuilder("<figure class=\"asynclab-code\" style=\"margin:0 0 8px 0;min-width:0\">")
            .Append("<figcaption style=\"font:12px sans-serif;color:#555;margin:0 0 3px 2px\">").Append(Markup.Escape(Caption)).Append("</figcaption>")
            .Append("<pre style=\"").Append(PreStyle).Append("\"><code>");
        foreach (var token in SyntaxHighlighter.Tokenize(Source, Language))
        {
            var style = Style(token.Kind);
            if (style is null)
                html.Append(Markup.Escape(token.Text));
            else
                html.Append("<span style=\"").Append(style).Append("\">").Append(Markup.Escape(token.Text)).Append("</span>");
        }
        return html.Append("</code></pre></figure>").ToString();
    }

    /// <summary>The caption, then the source.</summary>
    public string ToText() => $"{Caption}\n{Source}\n";

    /// <summary>Same as <see cref="ToText"/>.</summary>
    public override string ToString() => ToText();

    // The colours of VS Code's default light theme, which most learners have seen.
    private static string? Style(TokenKind kind) => kind switch
    {
        TokenKind.Keyword => "color:#0000ff",
        TokenKind.String => "color:#a31515",
        TokenKind.Comment => "color:#008000;font-style:italic",
        TokenKind.Number => "color:#098658",
        _ => null,
    };
}
