using NotebookRunner.Documents;

namespace NotebookRunner.Tests.Documents;

public class AtomicWriteTests
{
    [Fact]
    public void A_failure_while_writing_keeps_the_original_file_and_leaves_no_temp_file()
    {
        var folder = RunnerFixtures.NewTempFolder();
        var path = Path.Combine(folder, "n.ipynb");
        File.WriteAllText(path, "original");

        var e = Assert.Throws<IOException>(() => AtomicFile.WriteAllText(path, "new content that never arrives", (stream, bytes) =>
        {
            stream.Write(bytes, 0, bytes.Length / 2);
            throw new IOException("disk full");
        }));

        Assert.Equal("disk full", e.Message);
        Assert.Equal("original", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(folder));
    }

    [Fact]
    public void The_target_only_ever_holds_the_old_or_the_new_content()
    {
        var folder = RunnerFixtures.NewTempFolder();
        var path = Path.Combine(folder, "n.ipynb");
        var old = new string('o', 200_000);
        var updated = new string('n', 300_000);
        File.WriteAllText(path, old);
        var seen = new HashSet<int>();

        // While a slow writer streams the new content into its temp file, readers of the target see only the old file.
        AtomicFile.WriteAllText(path, updated, (stream, bytes) =>
        {
            for (var i = 0; i < bytes.Length; i += 50_000)
            {
                stream.Write(bytes, i, Math.Min(50_000, bytes.Length - i));
                seen.Add(File.ReadAllText(path).Length);
            }
        });

        Assert.Equal([old.Length], seen);
        Assert.Equal(updated, File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(folder));
    }

    [Fact]
    public void Writes_into_a_new_folder_without_a_byte_order_mark()
    {
        var path = Path.Combine(RunnerFixtures.NewTempFolder(), "out", "deep", "n.ipynb");

        AtomicFile.WriteAllText(path, "{}\n");

        Assert.Equal("{}\n"u8.ToArray(), File.ReadAllBytes(path));
    }
}
