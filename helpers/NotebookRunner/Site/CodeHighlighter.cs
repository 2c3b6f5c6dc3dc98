using System.Net;
using System.Text.RegularExpressions;
using ColorCode;

namespace NotebookRunner.Site;

/// <summary>Highlights source code at build time with ColorCode, as class-annotated spans the site's stylesheet colours in both themes.</summary>
internal static partial class CodeHighlighter
{

    // ColorCode's scope classes folded into five one-letter ones (keyword, string, comment, number, type): a lesson has
    // about a thousand highlighted tokens, and long class names would make its page heavier than its notebook.
    private static readonly Dictionary<string, string> ShortClasses = new(StringComparer.Ordinal)
    {
        ["keyword"] = "k", ["controlKeyword"] = "k", ["preprocessorKeyword"] = "k", ["pseudoKeyword"] = "k",
        ["string"] = "s", ["stringCSharpVerbatim"] = "s", ["stringEscape"] = "s",
        ["comment"] = "c", ["xmlDocComment"] = "c", ["xmlDocTag"] = "c",
        ["number"] = "n",
        ["type"] = "t", ["className"] = "t", ["typeVariable"] = "t", ["namespace"] = "t", ["builtinFunction"] = "t", ["builtinValue"] = "t",
    };

    /// <summary>The language a notebook kernel name or a Markdown fence tag stands for, or null when ColorCode has no grammar for it.</summary>
    public static ILanguage? Language(string? name) => name?.ToLowerInvariant() switch
    {
        "csharp" or "c#" or "cs" => Languages.CSharp,
        "python" or "py" or "python3" => Languages.Python,
        "fsharp" or "f#" or "fs" => Languages.FSharp,
        "pwsh" or "powershell" or "ps1" => Languages.PowerShell,
        "javascript" or "js" => Languages.JavaScript,
        "typescript" or "ts" => Languages.Typescript,
        "sql" => Languages.Sql,
        "html" => Languages.Html,
        "xml" or "csproj" => Languages.Xml,
        "css" => Languages.Css,
        _ => null,
    };

    /// <summary>The readable name shown above a code block (<c>C#</c>, <c>Python</c>), or null for plain text.</summary>
    public static string? DisplayName(string? name) => Language(name)?.Name;

    /// <summary>The code as HTML for the inside of a <c>&lt;code&gt;</c> element: highlighted when the language is known, escaped otherwise.</summary>
    public static string ToHtml(string code, string? language)
    {
        var grammar = Language(language);
        if (grammar is null)
        {
            return WebUtility.HtmlEncode(code);
        }

        // ColorCode wraps its result in <div class="lang"><pre>\n...\n</pre></div>; the page supplies its own pre/code.
        // A formatter writes to a writer of its own and is not safe to share: pages are rendered in parallel.
        var html = new HtmlClassFormatter().GetHtmlString(code, grammar);
        var start = html.IndexOf("<pre>", StringComparison.Ordinal) + "<pre>".Length;
        var end = html.LastIndexOf("</pre>", StringComparison.Ordinal);
        if (start < "<pre>".Length || end < start)
        {
            return WebUtility.HtmlEncode(code);
        }

        var body = SpanClass().Replace(html[start..end].Trim('\r', '\n'),
                                       m => ShortClasses.TryGetValue(m.Groups[1].Value, out var c) ? $"<span class=\"{c}\">" : m.Value);
        // Quotes need no escaping in element text.
        return body.Replace("&quot;", "\"", StringComparison.Ordinal).Replace("&#39;", "'", StringComparison.Ordinal);
    }

    [GeneratedRegex("<span class=\"([A-Za-z]+)\">")]
    private static partial Regex SpanClass();

    /// <summary>A code block: an optional label (the language) above highlighted code that scrolls sideways rather than widening the page.</summary>
    public static string Block(string code, string? language, string? label)
    {
        var html = new System.Text.StringBuilder("<div class=\"code-block\">");
        if (label is not null)
        {
            html.Append("<div class=\"code-label\">").Append(WebUtility.HtmlEncode(label)).Append("</div>");
        }

        return html.Append("<pre tabindex=\"0\"><code>").Append(ToHtml(code.TrimEnd('\n'), language)).Append("</code></pre></div>").ToString();
    }
}
