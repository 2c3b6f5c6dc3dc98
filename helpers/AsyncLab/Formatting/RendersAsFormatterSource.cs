namespace AsyncLab.Formatting;

/// <summary>
/// The formatter source shared by every <see cref="IRendersAs"/> type: one formatter for <c>text/html</c>, one for
/// <c>text/plain</c>. Hosts create it with <see cref="Activator.CreateInstance(Type)"/> and call
/// <see cref="CreateTypeFormatters"/> by reflection (polyglot-compat §3.1), hence the public members on an internal class.
/// </summary>
internal sealed class RendersAsFormatterSource
{
    /// <summary>The formatters a host registers for the attributed type.</summary>
#pragma warning disable CA1822 // The protocol looks up an instance method by reflection.
    public IEnumerable<object> CreateTypeFormatters() =>
    [
        new RendersAsFormatter(RendersAsFormatter.Html),
        new RendersAsFormatter(RendersAsFormatter.PlainText),
    ];
#pragma warning restore CA1822
}
