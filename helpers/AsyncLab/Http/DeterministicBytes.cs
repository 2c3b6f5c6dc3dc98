namespace AsyncLab;

/// <summary>
/// The bytes served by <c>/bytes/{n}?seed=</c>: a 32-bit linear congruential generator, easy to reproduce in Python:
/// <c>state = (seed * 2654435761 + 1) % 2**32</c>, then per byte <c>state = (state * 1664525 + 1013904223) % 2**32; byte = state &gt;&gt; 24</c>.
/// </summary>
internal struct DeterministicBytes(int seed)
{
    private uint _state = unchecked((uint)seed * 2654435761u + 1u);

    internal void Fill(Span<byte> destination)
    {
        for (var i = 0; i < destination.Length; i++)
        {
            _state = unchecked(_state * 1664525u + 1013904223u);
            destination[i] = (byte)(_state >> 24);
        }
    }
}
