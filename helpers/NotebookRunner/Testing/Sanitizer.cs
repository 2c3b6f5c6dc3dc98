namespace NotebookRunner.Testing;

/// <summary>An ordered set of sanitizer rules applied to output text before comparison.</summary>
/// <param name="Rules">The rules, applied in order.</param>
public sealed record Sanitizer(IReadOnlyList<SanitizerRule> Rules)
{
    /// <summary>All built-in rules, used when a notebook configures none.</summary>
    public static Sanitizer Default { get; } = new(BuiltInSanitizers.All);

    /// <summary>Applies every rule and adds the names of those that replaced something to <paramref name="fired"/>.</summary>
    public string Apply(string text, ISet<string> fired)
    {
        ArgumentNullException.ThrowIfNull(fired);
        foreach (var rule in Rules)
        {
            text = rule.Apply(text, out var changed);
            if (changed)
            {
                fired.Add(rule.Name);
            }
        }

        return text;
    }
}
