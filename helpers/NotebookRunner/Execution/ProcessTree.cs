using System.Globalization;

namespace NotebookRunner.Execution;

/// <summary>The resident memory of a process and all its descendants, read from <c>/proc</c> (Linux; 0 elsewhere).</summary>
internal static class ProcessTree
{
    /// <summary>The sum of the resident set sizes of <paramref name="rootId"/> and every process below it.</summary>
    public static long ResidentBytes(int rootId)
    {
        if (!Directory.Exists("/proc"))
        {
            return 0;
        }

        var parents = new Dictionary<int, int>();
        var resident = new Dictionary<int, long>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), CultureInfo.InvariantCulture, out var id))
            {
                continue;
            }

            try
            {
                // stat: "pid (comm) state ppid ..."; comm may contain spaces, so read after its closing parenthesis.
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                parents[id] = int.Parse(fields[1], CultureInfo.InvariantCulture);
                var statm = File.ReadAllText(Path.Combine(directory, "statm")).Split(' ');
                resident[id] = long.Parse(statm[1], CultureInfo.InvariantCulture) * Environment.SystemPageSize;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
            {
                // The process ended while being read.
            }
        }

        long total = 0;
        foreach (var (id, bytes) in resident)
        {
            for (var at = id; at > 1; at = parents.GetValueOrDefault(at))
            {
                if (at == rootId)
                {
                    total += bytes;
                    break;
                }
            }
        }

        return total;
    }
}
