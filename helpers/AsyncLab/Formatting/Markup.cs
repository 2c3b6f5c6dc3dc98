using System.Text;

namespace AsyncLab.Formatting;

/// <summary>Escapes text for HTML and SVG (XML) alike, so a hostile name such as <c>&lt;/script&gt;</c> shows as text.</summary>
internal static class Markup
{
    /// <summary>Entity-encodes <c>&amp; &lt; &gt; " '</c> and replaces characters XML 1.0 forbids with U+FFFD.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        StringBuilder? escaped = null;
        for (var i = 0; i < text.Length; i++)
        {
            var replacement = Replacement(text, i);
            if (replacement is null)
            {
                escaped?.Append(text[i]);
                continue;
            }
            escaped ??= new StringBuilder(text.Length + 16).Append(text, 0, i);
            escaped.Append(replacement);
        }
        return escaped?.ToString() ?? text;
    }

    private static string? Replacement(string text, int i)
    {
        var c = text[i];
        switch (c)
        {
            case '&': return "&amp;";
            case '<': return "&lt;";
            case '>': return "&gt;";
            case '"': return "&quot;";
            case '\'': return "&#39;";
            case '\t' or '\n' or '\r': return null;
        }
        if (c < 0x20 || c is '\uFFFE' or '\uFFFF')
            return "\uFFFD";
        // A lone surrogate is not a character; XML parsers reject it.
        if (char.IsHighSurrogate(c))
            return i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? null : "\uFFFD";
        if (char.IsLowSurrogate(c))
            return i > 0 && char.IsHighSurrogate(text[i - 1]) ? null : "\uFFFD";
        return null;
    }
}
