namespace AsyncLab;

/// <summary>
/// Formatters for <see cref="ComparisonTable"/> following the <c>TypeFormatterSourceAttribute</c> protocol
/// (polyglot-compat §3.1): created by reflection, so its members are public on an internal type.
/// </summary>
internal sealed class ComparisonTableFormatterSource
{
#pragma warning disable CA1822 // The protocol looks up instance members by reflection.
    public IEnumerable<object> CreateTypeFormatters() => [new Formatter("text/html"), new Formatter("text/plain")];
#pragma warning restore CA1822

    /// <summary>Writes a table as HTML or text; the host reads <see cref="MimeType"/> and calls the single <see cref="Format"/>.</summary>
    internal sealed class Formatter(string mimeType)
    {
        public string MimeType { get; } = mimeType;

        public bool Format(object value, TextWriter writer)
        {
            ArgumentNullException.ThrowIfNull(writer);
            if (value is not ComparisonTable table)
                return false;
            writer.Write(MimeType == "text/html" ? table.ToHtml() : table.ToText());
            return true;
        }
    }
}
