using System.Text;

namespace NotebookRunner.Documents;

/// <summary>Replaces a file so that a crash or kill at any moment leaves either the old or the new content, never a mix.</summary>
internal static class AtomicFile
{
    /// <summary>Writes <paramref name="content"/> to a temporary file next to <paramref name="path"/>, flushes it to disk, then renames it over the target.</summary>
    /// <param name="path">The file to create or replace.</param>
    /// <param name="content">The new content, written as UTF-8 without a byte order mark.</param>
    /// <param name="writeContent">Writes the content to the temporary stream; replaceable so tests can fail mid-write.</param>
    public static void WriteAllText(string path, string content, Action<Stream, byte[]>? writeContent = null)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);

        // Same folder as the target: a rename within one file system is atomic, across file systems it is a copy.
        var temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                (writeContent ?? DefaultWrite)(stream, new UTF8Encoding(false).GetBytes(content));
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    private static void DefaultWrite(Stream stream, byte[] bytes) => stream.Write(bytes);
}
