using Ganss.Xss;

namespace NotebookRunner.Site;

/// <summary>
/// Cleans the HTML stored in notebooks the way a notebook viewer does: an allow-list of HTML and SVG elements and
/// attributes, no script, no event handler, no style that loads anything, and no URL that would make the page fetch from
/// outside the site (images only as <c>data:</c>, links only to http(s), mail or an anchor).
/// </summary>
internal static class OutputSanitizer
{
    private static readonly string[] SvgTags =
    [
        "svg", "g", "defs", "pattern", "clipPath", "linearGradient", "radialGradient", "stop", "marker", "symbol", "use",
        "rect", "line", "path", "circle", "ellipse", "polyline", "polygon", "text", "tspan", "title", "desc",
    ];

    private static readonly string[] SvgAttributes =
    [
        "viewBox", "xmlns", "role", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "d", "points", "transform",
        "fill", "fill-opacity", "stroke", "stroke-width", "stroke-dasharray", "stroke-opacity", "opacity", "paint-order",
        "font-family", "font-size", "font-weight", "font-style", "text-anchor", "dominant-baseline", "patternUnits",
        "patternTransform", "preserveAspectRatio", "offset", "stop-color", "marker-end", "marker-start", "clip-path",
        "markerWidth", "markerHeight", "refX", "refY", "orient", "dx", "dy",
    ];

    private static readonly string[] StyleProperties =
    [
        "color", "background-color", "text-align", "vertical-align", "font-weight", "font-style", "font-size", "font-family",
        "white-space", "text-decoration", "padding", "padding-left", "padding-right", "padding-top", "padding-bottom",
        "margin", "margin-left", "margin-right", "margin-top", "margin-bottom", "border", "border-left", "border-right",
        "border-top", "border-bottom", "border-collapse", "border-radius", "width", "max-width", "min-width", "height",
        "display", "gap", "flex", "flex-wrap", "flex-direction", "grid-template-columns", "opacity", "line-height", "overflow-x",
    ];

    private static readonly HtmlSanitizer Sanitizer = Create();

    /// <summary>The HTML with everything outside the allow-list removed.</summary>
    public static string Clean(string html) => Sanitizer.Sanitize(html);

    private static HtmlSanitizer Create()
    {
        var sanitizer = new HtmlSanitizer();
        foreach (var tag in SvgTags)
        {
            sanitizer.AllowedTags.Add(tag);
        }

        foreach (var attribute in SvgAttributes)
        {
            sanitizer.AllowedAttributes.Add(attribute);
        }

        sanitizer.AllowedTags.UnionWith(["details", "summary", "figure", "figcaption", "mark", "kbd", "samp"]);
        sanitizer.AllowedAttributes.UnionWith(["class", "id", "aria-label", "aria-hidden", "tabindex"]);
        sanitizer.AllowedCssProperties.Clear();
        sanitizer.AllowedCssProperties.UnionWith(StyleProperties);
        sanitizer.AllowedAtRules.Clear();
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedSchemes.Add("data");
        sanitizer.FilterUrl += (_, e) => e.SanitizedUrl = Allowed(e.Tag?.LocalName, e.OriginalUrl) ? e.OriginalUrl : null;
        return sanitizer;
    }

    // Links may leave the site (a reader's click); nothing else may, so images and SVG references stay inline or local.
    private static bool Allowed(string? tag, string url)
    {
        var trimmed = url.Trim();
        if (trimmed.StartsWith('#'))
        {
            return true;
        }

        if (tag == "a")
        {
            return trimmed.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
                || trimmed.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
                || trimmed.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)
                || !trimmed.Contains(':', StringComparison.Ordinal);
        }

        return tag == "img" && (trimmed.StartsWith("data:image/png;", StringComparison.OrdinalIgnoreCase)
                                || trimmed.StartsWith("data:image/jpeg;", StringComparison.OrdinalIgnoreCase)
                                || trimmed.StartsWith("data:image/gif;", StringComparison.OrdinalIgnoreCase)
                                || trimmed.StartsWith("data:image/webp;", StringComparison.OrdinalIgnoreCase));
    }
}
