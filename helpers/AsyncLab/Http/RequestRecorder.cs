namespace AsyncLab;

/// <summary>
/// What <see cref="LocalHttpServer"/> records of one request, on the request's lane: its delays as
/// <see cref="SegmentState.Waiting"/> (a timer holds no thread) and its response writes as running spans.
/// Both are labelled with the request line, so each segment says which request it served.
/// </summary>
internal sealed class RequestRecorder(Trace? trace, string lane, string requestLine)
{
    /// <summary>Records nothing: for a server started without a trace.</summary>
    public static RequestRecorder None { get; } = new(null, "", "");

    /// <summary>Waits <paramref name="milliseconds"/> like <c>Task.Delay</c>, recorded as waiting.</summary>
    public async Task DelayAsync(int milliseconds, CancellationToken ct)
    {
        if (milliseconds <= 0)
            return;
        using (trace?.Span(lane, requestLine, SegmentState.Waiting) ?? default)
            await Task.Delay(milliseconds, ct).ConfigureAwait(false);
    }

    /// <summary>Opens the span of a response write; dispose it when the bytes are out.</summary>
    public TraceSpan Writing() => trace?.Span(lane, requestLine) ?? default;
}
