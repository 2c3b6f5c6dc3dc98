using System.Text;
using NotebookRunner.Documents;

namespace NotebookRunner.Execution.Engines.Roslyn;

/// <summary>
/// Routes <see cref="Console.Out"/> and <see cref="Console.Error"/> to the cell that started the writing code.
/// The cell is found through an <see cref="AsyncLocal{T}"/> that flows into tasks, timers and threads; code
/// started without an execution context falls back to the running cell, or to the last cell when none runs.
/// </summary>
internal static class ConsoleRouter
{
    private static readonly AsyncLocal<CellSink?> FlowingCell = new();
    private static volatile CellSink? _runningCell;
    private static volatile CellSink? _lastCell;

    /// <summary>The sink that receives writes and displays of the calling code, or null before any cell ran.</summary>
    public static CellSink? Current => FlowingCell.Value ?? _runningCell ?? _lastCell;

    /// <summary>Replaces the process's console writers with routing ones.</summary>
    public static void Install()
    {
        Console.SetOut(new RoutingWriter(StreamOutput.StandardOutput));
        Console.SetError(new RoutingWriter(StreamOutput.StandardError));
        Console.SetIn(TextReader.Null);
    }

    /// <summary>Makes <paramref name="sink"/> the cell of the calling flow and the running cell.</summary>
    public static void Enter(CellSink sink)
    {
        FlowingCell.Value = sink;
        _runningCell = sink;
        _lastCell = sink;
    }

    /// <summary>Ends the running cell: writes that still arrive for it are late.</summary>
    public static void Leave(CellSink sink)
    {
        sink.End();
        _runningCell = null;
        FlowingCell.Value = null;
    }

    /// <summary>Sends the running cell's buffered text.</summary>
    public static void FlushRunning() => _runningCell?.Flush();

    private sealed class RoutingWriter(string stream) : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => Current?.Write(stream, value.ToString());

        public override void Write(string? value) => Current?.Write(stream, value ?? "");

        public override void Write(char[] buffer, int index, int count) => Current?.Write(stream, new string(buffer, index, count));

        public override void WriteLine(string? value) => Current?.Write(stream, value + NewLine);
    }
}
