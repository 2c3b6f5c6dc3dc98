using System.Threading.Channels;

namespace NotebookRunner.Execution.Engines;

/// <summary>
/// What both engines' workers share: a process (<see cref="WorkerProcessHost"/>) and an inbox of messages that the
/// engine fills from its own channel, closed when that channel ends. An engine adds how it starts and how it sends.
/// </summary>
internal abstract class ProcessWorker(WorkerProcessHost host) : IKernelWorker
{
    /// <summary>The process.</summary>
    protected WorkerProcessHost Host { get; } = host;

    /// <summary>Where the engine puts the messages it reads; completed when its channel ends.</summary>
    protected Channel<WorkerMessage> Inbox { get; } = Channel.CreateUnbounded<WorkerMessage>(new() { SingleReader = true });

    /// <inheritdoc/>
    public int? ExitCode => Host.ExitCode;

    /// <inheritdoc/>
    public string StderrExcerpt => Host.StderrExcerpt;

    /// <inheritdoc/>
    public abstract Task SendAsync(WorkerMessage message);

    /// <inheritdoc/>
    public async Task<WorkerMessage?> ReceiveAsync(CancellationToken ct) =>
        await Inbox.Reader.WaitToReadAsync(ct).ConfigureAwait(false) ? await Inbox.Reader.ReadAsync(ct).ConfigureAwait(false) : null;

    /// <inheritdoc/>
    public Task WaitForExitAsync(TimeSpan patience) => Host.WaitForExitAsync(patience);

    /// <inheritdoc/>
    public void Kill() => Host.Kill();

    /// <summary>Asks a live worker to exit, gives it five seconds, then releases the process and the engine's channel.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!Host.Process.HasExited)
        {
            try
            {
                await SendAsync(new WorkerMessage { Kind = WorkerMessage.Exit }).ConfigureAwait(false);
            }
            catch (IOException)
            {
                // The worker is gone already.
            }

            await WaitForExitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }

        ReleaseChannel();
        Host.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases what the engine's channel holds, after the process has ended.</summary>
    protected virtual void ReleaseChannel()
    {
    }

    /// <summary>Moves every line of <paramref name="reader"/> that <paramref name="translate"/> turns into a message to the inbox, until the channel ends.</summary>
    protected async Task PumpAsync(TextReader reader, Func<string, WorkerMessage?> translate)
    {
        try
        {
            while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
            {
                if (translate(line) is { } message)
                {
                    Inbox.Writer.TryWrite(message);
                }
            }
        }
        catch (IOException)
        {
            // A killed worker resets or closes its channel; that is the end of it.
        }
        finally
        {
            Inbox.Writer.TryComplete();
        }
    }
}
