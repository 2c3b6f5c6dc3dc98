namespace NotebookRunner.Execution.Engines.Roslyn;

/// <summary>A value shown in a cell's outputs; <see cref="Update"/> replaces that output in place, as in VS Code.</summary>
public sealed class DisplayedValue
{
    private static int _lastId;
    private readonly CellSink? _sink;
    private readonly string[] _mimeTypes;

    internal DisplayedValue(CellSink? sink, string[] mimeTypes)
    {
        _sink = sink;
        _mimeTypes = mimeTypes;
        Id = Interlocked.Increment(ref _lastId);
    }

    internal int Id { get; }

    /// <summary>Formats <paramref name="value"/> with the MIME types of the original display and replaces the output.</summary>
    public void Update(object? value) => Publish(WorkerMessage.Update, ValueFormatter.Format(value, _mimeTypes));

    internal static DisplayedValue Show(object? value, string[] mimeTypes) => Show(ValueFormatter.Format(value, mimeTypes), mimeTypes);

    internal static DisplayedValue Show(IReadOnlyList<KeyValuePair<string, string>> data, string[] mimeTypes)
    {
        var displayed = new DisplayedValue(ConsoleRouter.Current, mimeTypes);
        displayed.Publish(WorkerMessage.Display, data);
        return displayed;
    }

    private void Publish(string kind, IReadOnlyList<KeyValuePair<string, string>> data) =>
        _sink?.Send(new WorkerMessage { Kind = kind, DisplayId = Id, Data = WorkerMessage.ToData(data) });
}
