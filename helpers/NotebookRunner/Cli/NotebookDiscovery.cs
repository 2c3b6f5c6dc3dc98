namespace NotebookRunner.Cli;

/// <summary>Expands the files and folders given on the command line into a sorted list of notebooks.</summary>
internal static class NotebookDiscovery
{
    private static readonly string[] Extensions = [".ipynb", ".dib"];

    /// <summary>Files as given; folders searched recursively for <c>*.ipynb</c> and <c>*.dib</c> (checkpoint, bin and obj folders excluded). Sorted by ordinal path, no duplicates.</summary>
    /// <exception cref="UsageException">A path does not exist.</exception>
    public static IReadOnlyList<string> Expand(IEnumerable<string> inputs)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            if (File.Exists(input))
            {
                found.Add(input);
            }
            else if (Directory.Exists(input))
            {
                found.UnionWith(Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories)
                    .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase) && !IsExcluded(input, f)));
            }
            else
            {
                throw new UsageException($"{input}: no such file or folder");
            }
        }

        return [.. found];
    }

    // Jupyter's autosave copies and build output are never lessons.
    private static bool IsExcluded(string root, string file) =>
        Path.GetRelativePath(root, file).Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)
            .Any(part => part is ".ipynb_checkpoints" or "bin" or "obj" or "node_modules");
}
