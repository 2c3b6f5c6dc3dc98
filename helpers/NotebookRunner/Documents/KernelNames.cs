namespace NotebookRunner.Documents;

/// <summary>The Polyglot kernel names and aliases, and the mapping from metadata spellings to a kernel name.</summary>
public static class KernelNames
{
    /// <summary>The C# kernel, the only one this runner executes.</summary>
    public const string CSharp = "csharp";

    /// <summary>The markdown "kernel" of <c>.dib</c> files: prose, never executed.</summary>
    public const string Markdown = "markdown";

    // Names and aliases of the kernels a Polyglot install ships (compat spec §1.3); lookups are case-sensitive
    // except where the alias itself differs only in case (C#/c#), as in the extension.
    private static readonly Dictionary<string, string> Canonical = new(StringComparer.Ordinal)
    {
        ["csharp"] = "csharp", ["c#"] = "csharp", ["C#"] = "csharp",
        ["fsharp"] = "fsharp", ["f#"] = "fsharp", ["F#"] = "fsharp",
        ["pwsh"] = "pwsh", ["powershell"] = "pwsh", ["PowerShell"] = "pwsh",
        ["javascript"] = "javascript", ["js"] = "javascript", ["JavaScript"] = "javascript",
        ["html"] = "html", ["HTML"] = "html",
        ["markdown"] = "markdown", ["md"] = "markdown",
        ["sql"] = "sql", ["kql"] = "kql", ["mermaid"] = "mermaid", ["http"] = "http", ["value"] = "value",
    };

    /// <summary>The canonical kernel name for a name or alias (<c>C#</c> → <c>csharp</c>), or null if it names no known kernel.</summary>
    public static string? Resolve(string? nameOrAlias)
    {
        if (string.IsNullOrEmpty(nameOrAlias))
        {
            return null;
        }

        // Legacy VS Code language ids look like "dotnet-interactive.csharp".
        const string legacyPrefix = "dotnet-interactive.";
        if (nameOrAlias.StartsWith(legacyPrefix, StringComparison.Ordinal))
        {
            nameOrAlias = nameOrAlias[legacyPrefix.Length..];
        }

        return Canonical.GetValueOrDefault(nameOrAlias);
    }

    /// <summary>The kernel a kernelspec name such as <c>.net-csharp</c> stands for, or null for a non-.NET kernelspec.</summary>
    public static string? FromKernelspecName(string? kernelspecName)
    {
        const string prefix = ".net-";
        return kernelspecName is not null && kernelspecName.StartsWith(prefix, StringComparison.Ordinal)
            ? Resolve(kernelspecName[prefix.Length..])
            : null;
    }

    /// <summary>The kernel named by a kernel selector on the first line of a cell (<c>#!fsharp</c>), or null if there is none.</summary>
    public static string? FromSelectorLine(string line)
    {
        var trimmed = line.TrimEnd();
        return trimmed.StartsWith("#!", StringComparison.Ordinal) ? Resolve(trimmed[2..]) : null;
    }
}
