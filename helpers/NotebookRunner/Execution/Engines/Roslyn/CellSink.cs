using System.Text;

namespace NotebookRunner.Execution.Engines.Roslyn;

/// <summary>
/// Where one cell's console text and displays go. Text is buffered so that a cell writing a character at a time
/// does not send a message per character; any switch of stream, any display and the cell's end flush it,
/// which keeps emission order. Once the cell has ended, writes are sent as late writes of this cell.
/// </summary>
internal sealed class CellSink
{
    /// <summary>
    /// Characters of console text a cell may send; the rest is dropped. A little more than the parent keeps,
    /// so that the parent sees the cap crossed and says the output was truncated.
    /// </summary>
    internal const int MaxTextChars = CellOutputCollector.MaxTextChars + 4096;

    private readonly WorkerChannel _channel;
    private readonly Lock _lock = new();
    private readonly StringBuilder _pending = new();
    private string? _pendingStream;
    private long _sentChars;
    private bool _ended;

    public CellSink(WorkerChannel channel, int cellIndex)
    {
        _channel = channel;
        CellIndex = cellIndex;
    }

    /// <summary>The notebook index of the cell this sink belongs to.</summary>
    public int CellIndex { get; }

    /// <summary>Appends console text of <paramref name="stream"/> (stdout or stderr).</summary>
    public void Write(string stream, string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        lock (_lock)
        {
            if (_ended)
            {
                _channel.Send(new WorkerMessage { Kind = WorkerMessage.Late, Cell = CellIndex, StreamName = stream, Text = text });
                return;
            }

            if (_sentChars >= MaxTextChars)
            {
                return;
            }

            if (_pendingStream != stream)
            {
                FlushLocked();
                _pendingStream = stream;
            }

            var room = (int)Math.Min(text.Length, MaxTextChars - _sentChars);
            _pending.Append(text, 0, room);
            _sentChars += room;
            if (_pending.Length >= 8192 || _sentChars >= MaxTextChars)
            {
                FlushLocked();
            }
        }
    }

    /// <summary>Sends buffered text now (called periodically so a hanging cell's output reaches the parent).</summary>
    public void Flush()
    {
        lock (_lock)
        {
            FlushLocked();
        }
    }

    /// <summary>Sends a display or an update after the text written before it.</summary>
    public void Send(WorkerMessage message)
    {
        lock (_lock)
        {
            FlushLocked();
            message.Cell = CellIndex;
            _channel.Send(message);
        }
    }

    /// <summary>Marks the cell as ended: later writes are reported as late.</summary>
    public void End()
    {
        lock (_lock)
        {
            FlushLocked();
            _ended = true;
        }
    }

    private void FlushLocked()
    {
        if (_pending.Length == 0 || _pendingStream is null)
        {
            return;
        }

        _channel.Send(new WorkerMessage { Kind = WorkerMessage.Stream, Cell = CellIndex, StreamName = _pendingStream, Text = _pending.ToString() });
        _pending.Clear();
    }
}
