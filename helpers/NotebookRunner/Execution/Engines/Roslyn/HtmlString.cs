namespace NotebookRunner.Execution.Engines.Roslyn;

/// <summary>Markup that renders as raw <c>text/html</c>, like the kernel's <c>HtmlString</c>.</summary>
/// <param name="Value">The markup.</param>
public sealed record HtmlString(string Value)
{
    /// <summary>The markup itself.</summary>
    public override string ToString() => Value;
}
