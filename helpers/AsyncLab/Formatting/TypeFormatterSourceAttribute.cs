namespace AsyncLab.Formatting;

/// <summary>
/// Names the formatter source of a type, so that a notebook host renders it without AsyncLab referencing
/// Microsoft.DotNet.Interactive.Formatting. .NET Interactive matches this attribute by its simple name
/// (<c>TypeFormatterSourceAttribute</c>) and our runner implements the same reflection protocol.
/// </summary>
/// <remarks>
/// The shape is the convention, not a choice: the class name, a public <see cref="FormatterSourceType"/> and a public
/// <see cref="PreferredMimeTypes"/> are what the host looks up by reflection. Do not rename them.
/// </remarks>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = true, AllowMultiple = false)]
internal sealed class TypeFormatterSourceAttribute(Type formatterSourceType) : Attribute
{
    /// <summary>A type with a public parameterless constructor and a public <c>CreateTypeFormatters()</c> method.</summary>
    public Type FormatterSourceType { get; } = formatterSourceType;

    /// <summary>The MIME types a host emits for a value of the attributed type, most preferred first.</summary>
    public string[] PreferredMimeTypes { get; set; } = [];
}
