using System.Text.RegularExpressions;

namespace AsyncLab;

/// <summary>
/// Reads the regions of a companion script: a line <c># region: name</c> opens one, a line <c># endregion</c> closes it.
/// Regions do not nest and their names are lower_snake_case and unique per file, so a lesson can name one without ambiguity.
/// </summary>
internal static partial class PythonRegions
{
    /// <summary>The region's lines without its marker lines, dedented by their common indentation, blank edges trimmed.</summary>
    /// <exception cref="FileNotFoundException">The script does not exist; the message names it and the region.</exception>
    /// <exception cref="KeyNotFoundException">The script has no such region; the message lists those it has.</exception>
    /// <exception cref="FormatException">The markers are malformed (nested, unclosed, duplicate or badly named), with file and line.</exception>
    public static string Read(string scriptPath, string region)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scriptPath);
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        if (!File.Exists(scriptPath))
            throw new FileNotFoundException(
                $"Python script '{Path.GetFullPath(scriptPath)}' not found (looking for region '{region}').", scriptPath);
        var regions = Parse(scriptPath, File.ReadAllLines(scriptPath));
        return regions.TryGetValue(region, out var found)
            ? found
            : throw new KeyNotFoundException($"{scriptPath} has no region '{region}'; its regions: " +
                                             (regions.Count == 0 ? "none (mark one with '# region: name' … '# endregion')" : string.Join(", ", regions.Keys)) + ".");
    }

    /// <summary>Every region of a script's lines, by name, in file order.</summary>
    public static IReadOnlyDictionary<string, string> Parse(string path, IReadOnlyList<string> lines)
    {
        var regions = new Dictionary<string, string>(StringComparer.Ordinal);
        (string Name, int Line)? open = null;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i].Trim();
            var where = $"{path}(line {i + 1})";
            if (Start().Match(line) is { Success: true } start)
            {
                var name = start.Groups[1].Value.Trim();
                if (open is { } outer)
                    throw new FormatException($"{where}: region '{name}' starts inside region '{outer.Name}' (line {outer.Line}); regions may not nest.");
                if (!Name().IsMatch(name))
                    throw new FormatException($"{where}: region name '{name}' must be lower_snake_case (a-z, 0-9, _).");
                if (regions.ContainsKey(name))
                    throw new FormatException($"{where}: region '{name}' is defined twice.");
                open = (name, i + 1);
            }
            else if (End().IsMatch(line))
            {
                if (open is not { } current)
                    throw new FormatException($"{where}: '# endregion' without an open region.");
                regions[current.Name] = Dedent(lines.Skip(current.Line).Take(i - current.Line).ToList());
                open = null;
            }
        }
        return open is { } unclosed
            ? throw new FormatException($"{path}(line {unclosed.Line}): region '{unclosed.Name}' has no '# endregion'.")
            : regions;
    }

    private static string Dedent(List<string> lines)
    {
        while (lines.Count > 0 && string.IsNullOrWhiteSpace(lines[0]))
            lines.RemoveAt(0);
        while (lines.Count > 0 && string.IsNullOrWhiteSpace(lines[^1]))
            lines.RemoveAt(lines.Count - 1);
        var indent = lines.Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
        return string.Join('\n', lines.Select(l => l.Length >= indent ? l[indent..].TrimEnd() : l.TrimEnd()));
    }

    [GeneratedRegex(@"^#\s*region:(.*)$")]
    private static partial Regex Start();

    [GeneratedRegex(@"^#\s*endregion\s*$")]
    private static partial Regex End();

    [GeneratedRegex(@"^[a-z][a-z0-9_]*$")]
    private static partial Regex Name();
}
