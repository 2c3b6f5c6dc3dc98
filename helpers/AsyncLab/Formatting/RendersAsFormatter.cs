namespace AsyncLab.Formatting;

/// <summary>
/// Writes an <see cref="IRendersAs"/> value in one MIME type. The host reads <see cref="MimeType"/> and compiles the single
/// public <see cref="Format"/> method into a <c>Func&lt;object, TextWriter, bool&gt;</c>, so it must stay unique and keep
/// this exact signature.
/// </summary>
internal sealed class RendersAsFormatter
{
    /// <summary>The HTML MIME type.</summary>
    public const string Html = "text/html";

    /// <summary>The plain-text MIME type.</summary>
    public const string PlainText = "text/plain";

    /// <summary>Creates a formatter for <paramref name="mimeType"/>, which must be <see cref="Html"/> or <see cref="PlainText"/>.</summary>
    public RendersAsFormatter(string mimeType)
    {
        if (mimeType is not (Html or PlainText))
            throw new ArgumentException($"Unsupported MIME type '{mimeType}'; expected '{Html}' or '{PlainText}'.", nameof(mimeType));
        MimeType = mimeType;
    }

    /// <summary>The MIME type this formatter writes.</summary>
    public string MimeType { get; }

    /// <summary>Writes <paramref name="value"/>; returns false (not handled) when it does not render itself.</summary>
    public bool Format(object value, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is not IRendersAs renderable)
            return false;
        writer.Write(MimeType == Html ? renderable.ToHtml() : renderable.ToText());
        return true;
    }
}
