using NotebookRunner.Execution.Engines.Roslyn;

#pragma warning disable IDE0130 // The kernel declares these in namespace System so that cells need no using.
namespace System;
#pragma warning restore IDE0130

/// <summary>Display extension methods available to every cell, declared where the kernel declares them.</summary>
public static class DisplayExtensions
{
    /// <summary>Shows <paramref name="value"/> with its preferred or the given MIME types.</summary>
    /// <param name="value">What to show.</param>
    /// <param name="mimeTypes">MIME types to format it with; none for the type's preferred ones.</param>
    /// <returns>A handle whose <see cref="DisplayedValue.Update"/> replaces the output.</returns>
    public static DisplayedValue Display(this object? value, params string[] mimeTypes) => DisplayedValue.Show(value, mimeTypes);

    /// <summary>Shows <paramref name="value"/> raw under <paramref name="mimeType"/> (no encoding, no wrapping).</summary>
    /// <param name="value">The content.</param>
    /// <param name="mimeType">The MIME type to publish it under.</param>
    /// <returns>A handle whose <see cref="DisplayedValue.Update"/> replaces the output.</returns>
    public static DisplayedValue DisplayAs(this string value, string mimeType) =>
        DisplayedValue.Show([new(mimeType, value)], [mimeType]);
}
