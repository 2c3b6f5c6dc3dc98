using System.Text;

namespace NotebookRunner.Documents;

/// <summary>Reads a notebook file into a <see cref="NotebookDocument"/>, choosing the format by extension.</summary>
public static class NotebookReader
{
    /// <summary>Reads an <c>.ipynb</c> or <c>.dib</c> file.</summary>
    /// <exception cref="NotebookFormatException">The file is missing, unreadable or malformed; the message names the file, line and column.</exception>
    public static NotebookDocument Read(string path) => Read(path, tolerant: false);

    /// <summary>
    /// Reads a notebook to show it, not to run it: a cell or an <c>.ipynb</c> output that cannot be read becomes a placeholder
    /// carrying its problem (<see cref="NotebookCell.Problem"/>, <see cref="UnreadableOutput"/>, all listed in
    /// <see cref="NotebookDocument.Problems"/>), so one bad cell does not hide the rest. Such a document must not be written back.
    /// </summary>
    /// <exception cref="NotebookFormatException">The file as a whole cannot be read (missing, invalid JSON, wrong nbformat, no cells).</exception>
    public static NotebookDocument ReadForDisplay(string path) => Read(path, tolerant: true);

    private static NotebookDocument Read(string path, bool tolerant)
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
            ".ipynb" => tolerant ? IpynbReader.ReadTolerant(path, content) : IpynbReader.Read(path, content),
            ".dib" => DibReader.Read(path, Encoding.UTF8.GetString(content)),
            var other => throw new NotebookFormatException(path, null, null, $"unknown notebook extension '{other}' (expected .ipynb or .dib)"),
        };
    }
}
