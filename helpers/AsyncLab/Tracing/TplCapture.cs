using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Tracing;

namespace AsyncLab;

/// <summary>
/// Opt-in automatic tracing with no instrumentation: listens to the runtime's <c>System.Threading.Tasks.TplEventSource</c>
/// and records every run slice of an async method (lane = the method's name) and every blocking wait on a task.
/// Process-wide and costly (≈0.3 µs per event, several events per await): keep it inside a <c>using</c> scope.
/// Event shapes are a runtime detail, so a missing source or field just records nothing.
/// </summary>
public sealed class TplCapture : IDisposable
{
    /// <summary>Whether the runtime's TPL event source was found and enabled.</summary>
    public bool IsActive => _listener.SourceFound;

    private readonly Listener _listener;

    private TplCapture(Trace trace) => _listener = new Listener(trace);

    /// <summary>Starts recording task activity into <paramref name="trace"/> until disposed.</summary>
    public static TplCapture Start(Trace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        return new TplCapture(trace);
    }

    /// <summary>Stops recording.</summary>
    public void Dispose() => _listener.Dispose();

    private sealed class Listener : EventListener
    {
        private const string SourceName = "System.Threading.Tasks.TplEventSource";
        // Keywords: Tasks | AsyncCausalityOperation | AsyncCausalitySynchronousWork | TaskTransfer.
        private const EventKeywords Keywords = (EventKeywords)(0x1 | 0x2 | 0x8 | 0x20);
        private const int TaskWaitBegin = 10;
        private const int TaskWaitEnd = 11;
        private const int TraceOperationBegin = 14;
        private const int SynchronousWorkBegin = 17;
        private const int SynchronousWorkEnd = 18;
        private const int BehaviorSynchronous = 1;

        // Events arrive synchronously on the emitting thread, so per-thread stacks pair begins with ends
        // (SynchronousWorkEnd carries no task id).
        [ThreadStatic] private static Stack<(Listener Owner, string Lane, long Start)>? t_slices;
        [ThreadStatic] private static Stack<(Listener Owner, long Start)>? t_waits;

        private readonly ConcurrentDictionary<int, string> _names = new();
        private Trace? _trace;
        private volatile bool _disposed;

        public Listener(Trace trace)
        {
            // OnEventSourceCreated may run before this constructor body (EventListener gotcha), so the
            // source is enabled here, after the trace is known.
            _trace = trace;
            foreach (var source in EventSource.GetSources())
            {
                if (source.Name == SourceName)
                    Enable(source);
            }
        }

        public bool SourceFound { get; private set; }

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == SourceName && _trace is not null)
                Enable(eventSource);
        }

        private void Enable(EventSource source)
        {
            SourceFound = true;
            EnableEvents(source, EventLevel.Verbose, Keywords);
        }

        protected override void OnEventWritten(EventWrittenEventArgs e)
        {
            var trace = _trace;
            if (trace is null || _disposed)
                return;
            switch (e.EventId)
            {
                case TraceOperationBegin when Int(e, "TaskID") is { } id && Text(e, "OperationName") is { } name:
                    _names[id] = Demangle(name);
                    break;
                case SynchronousWorkBegin when Int(e, "TaskID") is { } id && _names.TryGetValue(id, out var lane):
                    (t_slices ??= new()).Push((this, lane, Stopwatch.GetTimestamp()));
                    break;
                case SynchronousWorkEnd when t_slices is { Count: > 0 } slices && ReferenceEquals(slices.Peek().Owner, this):
                    var slice = slices.Pop();
                    trace.AddSegment(slice.Lane, "run", SegmentState.Running, slice.Start, Stopwatch.GetTimestamp(), Environment.CurrentManagedThreadId);
                    break;
                case TaskWaitBegin when Int(e, "Behavior") == BehaviorSynchronous:
                    (t_waits ??= new()).Push((this, Stopwatch.GetTimestamp()));
                    break;
                case TaskWaitEnd when t_waits is { Count: > 0 } waits && ReferenceEquals(waits.Peek().Owner, this):
                    trace.AddSegment($"thread {Environment.CurrentManagedThreadId}", "blocking wait", SegmentState.Blocked,
                        waits.Pop().Start, Stopwatch.GetTimestamp(), Environment.CurrentManagedThreadId);
                    break;
            }
        }

        public override void Dispose()
        {
            _disposed = true;
            _trace = null;
            base.Dispose();
        }

        private static int? Int(EventWrittenEventArgs e, string name) =>
            e.PayloadNames?.IndexOf(name) is { } i and >= 0 && e.Payload?[i] is int value ? value : null;

        private static string? Text(EventWrittenEventArgs e, string name) =>
            e.PayloadNames?.IndexOf(name) is { } i and >= 0 ? e.Payload?[i] as string : null;

        /// <summary>"Async: &lt;Worker&gt;d__8" → "Worker"; library operations such as "Task.Delay" stay as they are.</summary>
        private static string Demangle(string operation)
        {
            const string prefix = "Async: ";
            return operation.StartsWith(prefix, StringComparison.Ordinal) ? CallbackNames.Demangle(operation[prefix.Length..]) : operation;
        }
    }
}
