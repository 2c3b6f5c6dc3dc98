using NotebookRunner.Documents;
using NotebookRunner.Testing;

namespace NotebookRunner.Cli;

/// <summary><c>check --mutations</c>: applies every declared mutation of every notebook, one run each, and prints a verdict per mutation.</summary>
internal sealed class MutationBatch(NotebookExecution executor, TextWriter output)
{
    /// <summary>0 when every mutation broke its claim (or none is declared), 1 otherwise. Unreadable notebooks were reported by the check.</summary>
    public async Task<int> RunAsync(RunSettings settings, CancellationToken ct)
    {
        IReadOnlyList<string> files;
        try
        {
            files = NotebookDiscovery.Expand(settings.Paths);
        }
        catch (UsageException)
        {
            return ExitCodes.Usage;
        }

        if (settings.Shard is { } shard)
        {
            files = shard.Select(files);
        }

        var (proven, failed) = (0, 0);
        foreach (var file in files)
        {
            NotebookPlan plan;
            try
            {
                plan = NotebookPlan.Load(file);
            }
            catch (NotebookFormatException)
            {
                continue;
            }

            foreach (var mutation in plan.Mutations)
            {
                var result = await MutationRun.RunAsync(plan, mutation, settings.Execution, executor, ct).ConfigureAwait(false);
                (proven, failed) = result.Proven ? (proven + 1, failed) : (proven, failed + 1);
                await output.WriteLineAsync((result.Proven ? "✔ " : "✘ ") + result.Verdict).ConfigureAwait(false);
            }
        }

        await output.WriteLineAsync($"{proven + failed} mutation{(proven + failed == 1 ? "" : "s")}: {proven} broke their claim, {failed} did not")
                    .ConfigureAwait(false);
        return failed == 0 ? ExitCodes.Success : ExitCodes.Failure;
    }
}
