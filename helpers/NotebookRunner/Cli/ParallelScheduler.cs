namespace NotebookRunner.Cli;

/// <summary>Runs jobs with at most N at a time; a job that must run alone waits until nothing else runs and blocks the others meanwhile.</summary>
internal static class ParallelScheduler
{
    public static async Task RunAsync<T>(IReadOnlyList<T> items, int degree, Func<T, bool> runsAlone, Func<T, Task> job)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(degree, 1);
        using var slots = new SemaphoreSlim(degree, degree);

        // Only one exclusive job collects slots at a time, so two of them can never each hold half the slots.
        using var exclusive = new SemaphoreSlim(1, 1);
        await Task.WhenAll(items.Select(RunOne)).ConfigureAwait(false);

        async Task RunOne(T item)
        {
            var needed = runsAlone(item) ? degree : 1;
            if (needed > 1)
            {
                await exclusive.WaitAsync().ConfigureAwait(false);
            }

            try
            {
                for (var i = 0; i < needed; i++)
                {
                    await slots.WaitAsync().ConfigureAwait(false);
                }
            }
            finally
            {
                if (needed > 1)
                {
                    exclusive.Release();
                }
            }

            try
            {
                await job(item).ConfigureAwait(false);
            }
            finally
            {
                slots.Release(needed);
            }
        }
    }
}
