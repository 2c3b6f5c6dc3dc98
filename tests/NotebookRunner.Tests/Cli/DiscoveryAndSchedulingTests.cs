using NotebookRunner.Cli;

namespace NotebookRunner.Tests.Cli;

public class DiscoveryAndSchedulingTests
{
    [Fact]
    public void Finds_notebooks_recursively_sorted_and_skips_checkpoints_and_build_output()
    {
        var folder = RunnerFixtures.NewTempFolder();
        foreach (var file in new[] { "b.ipynb", "a/z.dib", "a/y.ipynb", "notes.md", ".ipynb_checkpoints/b-checkpoint.ipynb", "bin/x.ipynb" })
        {
            var path = Path.Combine(folder, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, "");
        }

        var found = NotebookDiscovery.Expand([folder, Path.Combine(folder, "b.ipynb")]);

        Assert.Equal(["a/y.ipynb", "a/z.dib", "b.ipynb"], found.Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')));
    }

    [Fact]
    public void Shards_are_disjoint_and_cover_the_list()
    {
        var items = Enumerable.Range(0, 11).ToList();

        var shards = Enumerable.Range(1, 3).Select(k => new Shard(k, 3).Select(items)).ToList();

        Assert.Equal(items, shards.SelectMany(s => s).Order());
        Assert.All(shards, s => Assert.InRange(s.Count, 3, 4));
    }

    [Fact]
    public async Task Runs_up_to_n_at_once_and_run_alone_jobs_with_nothing_else()
    {
        var running = 0;
        var maxRunning = 0;
        var aloneOverlapped = false;
        var gate = new Lock();
        var jobs = Enumerable.Range(0, 8).Select(i => (Id: i, Alone: i is 2 or 5)).ToList();

        await ParallelScheduler.RunAsync(jobs, 3, j => j.Alone, async job =>
        {
            lock (gate)
            {
                running++;
                maxRunning = Math.Max(maxRunning, running);
            }

            for (var step = 0; step < 5; step++)
            {
                await Task.Delay(10);
                lock (gate)
                {
                    aloneOverlapped |= job.Alone && running > 1;
                }
            }

            lock (gate)
            {
                running--;
            }
        });

        Assert.False(aloneOverlapped);
        Assert.InRange(maxRunning, 2, 3);
    }
}
