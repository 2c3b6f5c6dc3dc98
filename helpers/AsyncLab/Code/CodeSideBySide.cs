using System.Text;
using AsyncLab.Formatting;

namespace AsyncLab;

/// <summary>
/// Two <see cref="CodeBlock"/>s next to each other (the article's Python beside the C#). In HTML the columns wrap onto
/// two rows when the output is too narrow for both; as text they stand side by side when both fit in 110 characters.
/// </summary>
[TypeFormatterSource(typeof(RendersAsFormatterSource), PreferredMimeTypes = new[] { "text/html", "text/plain" })]
public sealed class CodeSideBySide : IRendersAs
{
    private const int TextWidth = 110;
    private const string Gap = " │ ";

    internal CodeSideBySide(CodeBlock left, CodeBlock right)
    {
        Left = left;
        Right = right;
    }

    /// <summary>The left column.</summary>
    public CodeBlock Left { get; }

    /// <summary>The right column.</summary>
    public CodeBlock Right { get; }

    /// <summary>A wrapping flex row of the two blocks.</summary>
    public string ToHtml()
    {
        const string column = "<div style=\"flex:1 1 380px;min-width:0\">";
        return new StringBuilder("<div class=\"asynclab-side-by-side\" style=\"display:flex;flex-wrap:wrap;gap:12px;align-items:flex-start\">")
            .Append(column).Append(Left.ToHtml()).Append("</div>")
            .Append(column).Append(Right.ToHtml()).Append("</div>")
            .Append("</div>").ToString();
    }

    /// <summary>Two columns when they fit in 110 characters, else one block after the other.</summary>
    public string ToText()
    {
        var left = Left.ToText().TrimEnd('\n').Split('\n');
        var right = Right.ToText().TrimEnd('\n').Split('\n');
        var leftWidth = left.Max(l => l.Length);
        if (leftWidth + Gap.Length + right.Max(l => l.Length) > TextWidth)
            return Left.ToText() + "\n" + Right.ToText();
        var text = new StringBuilder();
        for (var i = 0; i < Math.Max(left.Length, right.Length); i++)
        {
            var l = i < left.Length ? left[i] : "";
            var r = i < right.Length ? right[i] : "";
            text.Append((l.PadRight(leftWidth) + Gap + r).TrimEnd()).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>Same as <see cref="ToText"/>.</summary>
    public override string ToString() => ToText();
}
