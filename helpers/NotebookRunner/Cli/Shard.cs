using System.Globalization;

namespace NotebookRunner.Cli;

/// <summary>One of N slices of a sorted notebook list (<c>--shard K/N</c>), so a CI matrix splits a collection across machines.</summary>
/// <param name="Index">1-based shard number K.</param>
/// <param name="Count">Number of shards N.</param>
internal sealed record Shard(int Index, int Count)
{
    /// <summary>Parses <c>K/N</c> with 1 ≤ K ≤ N.</summary>
    /// <exception cref="UsageException">The text is not of that form.</exception>
    public static Shard Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var k)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            && n >= 1 && k >= 1 && k <= n)
        {
            return new Shard(k, n);
        }

        throw new UsageException($"--shard '{text}': expected K/N with 1 <= K <= N, e.g. 2/4");
    }

    /// <summary>Every N-th item starting at the K-th: shards are disjoint, cover the list, and differ in size by at most one.</summary>
    public IReadOnlyList<T> Select<T>(IReadOnlyList<T> sorted) => sorted.Where((_, i) => i % Count == Index - 1).ToList();
}
