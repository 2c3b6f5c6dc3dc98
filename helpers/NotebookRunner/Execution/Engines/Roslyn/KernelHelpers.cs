namespace NotebookRunner.Execution.Engines.Roslyn;

/// <summary>
/// The helpers a notebook cell calls without any <c>using</c>, as the kernel's <c>using static Kernel</c> provides them.
/// Imported statically into every cell.
/// </summary>
public static class KernelHelpers
{
    /// <summary>Shows <paramref name="value"/> in the cell's outputs with its preferred or the given MIME types.</summary>
    /// <param name="value">What to show.</param>
    /// <param name="mimeTypes">MIME types to format it with; none for the type's preferred ones.</param>
    /// <returns>A handle whose <see cref="DisplayedValue.Update"/> replaces the output.</returns>
#pragma warning disable CA1707, IDE1006 // The kernel names the helper in lower case; notebooks call it so.
    public static DisplayedValue display(object? value, params string[] mimeTypes) => DisplayedValue.Show(value, mimeTypes);
#pragma warning restore CA1707, IDE1006

    /// <summary>Markup rendered as raw <c>text/html</c>.</summary>
    /// <param name="markup">The HTML.</param>
#pragma warning disable CA1822, IDE1006
    public static HtmlString HTML(string markup) => new(markup);
#pragma warning restore CA1822, IDE1006
}
