using AsyncLab;

namespace AsyncLab.Tests;

/// <summary>Runs tests against temporary Python scripts, or says why they cannot run (never under <c>CI=true</c>).</summary>
internal static class PythonScripts
{
    /// <summary>Null when Python is available (or CI requires it); otherwise why the test cannot run.</summary>
    public static string? SkipReason()
    {
        if (Python.Find() is not null)
            return null;
        Assert.False(string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase),
            "CI=true requires a Python interpreter (PYTHON or /usr/bin/python3)");
        return "no Python found (set PYTHON=/path/to/python3)";
    }

    /// <summary>Writes <paramref name="text"/> to a temporary script, runs <paramref name="test"/> on its path, deletes it.</summary>
    public static async Task WithScript(string text, Func<string, Task> test)
    {
        if (SkipReason() is { } reason)
        {
            Console.WriteLine("skipped: " + reason);
            return;
        }
        var script = Path.Combine(Path.GetTempPath(), $"asynclab-{Guid.NewGuid():N}.py");
        await File.WriteAllTextAsync(script, text);
        try
        {
            await test(script);
        }
        finally
        {
            File.Delete(script);
        }
    }
}
