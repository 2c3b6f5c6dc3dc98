using System.Text;

namespace NotebookRunner.Documents;

/// <summary>Reads a notebook file into a <see cref="NotebookDocument"/>, choosing the format by extension.</summary>
public static class NotebookReader
{
    /// <summary>Reads an <c>.ipynb</c> or <c>.dib</c> file.</summary>
    /// <exception cref="NotebookFormatException">The file is missing, unreadable or malformed; the message names the file, line and column.</exception>
    public static NotebookDocument Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new NotebookFormatException(path, null, null, $"cannot read the file: {e.Message}", e);
        }

        // A UTF-8 byte order mark is legal in a file but not in JSON.
        var content = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? bytes[3..] : bytes;
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".ipynb" => IpynbReader.Read(path, content),
            ".dib" => DibReader.Read(path, Encoding.UTF8.GetString(content)),
            var other => throw new NotebookFormatException(path, null, null, $"unknown notebook extension '{other}' (expected .ipynb or .dib)"),
        };
    }
}
