namespace AsyncLab;

/// <summary>
/// Per-thread storage of a <see cref="Trace"/>: each thread appends to its own chunk, so writers never
/// contend; readers see a chunk's events up to its published count.
/// </summary>
internal sealed class TraceBuffer
{
    /// <summary>Events per chunk: 1024 × 48 bytes stays below the large-object heap threshold.</summary>
    internal const int ChunkSize = 1024;

    // The thread's last-used trace and chunk: the common case (one trace per thread at a time) costs two
    // thread-static reads. Switching traces falls back to a per-thread table keyed weakly by trace.
    [ThreadStatic] private static TraceBuffer? t_owner;
    [ThreadStatic] private static Chunk? t_chunk;
    [ThreadStatic] private static System.Runtime.CompilerServices.ConditionalWeakTable<TraceBuffer, Chunk>? t_chunks;

    private readonly List<Chunk> _chunks = [];
    private readonly int _maxChunks;
    private long _dropped;

    internal TraceBuffer(int capacity) => _maxChunks = Math.Max(1, (capacity + ChunkSize - 1) / ChunkSize);

    /// <summary>Events that did not fit into the capacity and were discarded.</summary>
    internal long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Appends an event to the calling thread's chunk.</summary>
    internal void Add(in TraceEvent item)
    {
        var chunk = ReferenceEquals(t_owner, this) ? t_chunk : null;
        if (chunk is null || chunk.Count == ChunkSize)
        {
            chunk = NextChunk();
            if (chunk is null)
            {
                Interlocked.Increment(ref _dropped);
                return;
            }
        }
        var count = chunk.Count;
        chunk.Items[count] = item;
        Volatile.Write(ref chunk.Count, count + 1);
    }

    /// <summary>A copy of every event recorded so far, in no particular order.</summary>
    internal List<TraceEvent> Snapshot()
    {
        Chunk[] chunks;
        lock (_chunks)
            chunks = [.. _chunks];
        var events = new List<TraceEvent>();
        foreach (var chunk in chunks)
        {
            var count = Volatile.Read(ref chunk.Count);
            for (var i = 0; i < count; i++)
                events.Add(chunk.Items[i]);
        }
        return events;
    }

    private Chunk? NextChunk()
    {
        var chunks = t_chunks ??= [];
        if (!chunks.TryGetValue(this, out var chunk) || chunk.Count == ChunkSize)
        {
            lock (_chunks)
            {
                if (_chunks.Count >= _maxChunks)
                    return null;
                chunk = new Chunk();
                _chunks.Add(chunk);
            }
            chunks.AddOrUpdate(this, chunk);
        }
        t_owner = this;
        t_chunk = chunk;
        return chunk;
    }

    private sealed class Chunk
    {
        public readonly TraceEvent[] Items = new TraceEvent[ChunkSize];
        public int Count;
    }
}
