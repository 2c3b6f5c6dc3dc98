using System.Diagnostics;

namespace NotebookRunner.Site;

/// <summary>Builds the search index of a site folder with pagefind, which writes it to <c>pagefind/</c> inside the folder.</summary>
internal static class PagefindIndexer
{
    /// <summary>Runs pagefind over <paramref name="siteFolder"/>.</summary>
    /// <exception cref="InvalidOperationException">pagefind failed; the message carries its output.</exception>
    public static async Task RunAsync(string pagefind, string siteFolder, CancellationToken ct)
    {
        var start = new ProcessStartInfo(pagefind)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--site", siteFolder, "--quiet" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {pagefind}");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"pagefind exited with {process.ExitCode}: {await stderr.ConfigureAwait(false)}{await stdout.ConfigureAwait(false)}".Trim());
        }
    }
}
