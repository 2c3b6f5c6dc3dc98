using System.Text.RegularExpressions;

namespace NotebookRunner.Testing;

/// <summary>A named rewrite that replaces output that changes from run to run (times, ids, addresses) with a placeholder.</summary>
/// <param name="Name">The name notebooks use to select the rule.</param>
/// <param name="Pattern">What to replace.</param>
/// <param name="Replacement">The replacement; may use groups such as <c>$1</c>.</param>
public sealed record SanitizerRule(string Name, Regex Pattern, string Replacement)
{
    /// <summary>Applies the rule; <paramref name="fired"/> tells whether anything was replaced.</summary>
    public string Apply(string text, out bool fired)
    {
        var result = Pattern.Replace(text, Replacement);
        fired = !ReferenceEquals(result, text) && result != text;
        return result;
    }
}
