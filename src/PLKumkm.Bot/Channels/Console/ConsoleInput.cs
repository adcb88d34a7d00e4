using System.Text;
using System.Threading.Channels;

namespace PLKumkm.Bot.Channels.Console;

/// <summary>
/// Messages typed (or piped) into the console. A terminal read cannot be cancelled, so lines are read on a background
/// thread and handed over: stopping (Ctrl+C) never waits for the next Enter. One message may span several lines: a line
/// ending in <c>\</c> continues on the next, and a quick entry (<c>#umkm</c>, <c>#koperasi</c>, a pasted block) runs
/// until an empty line or the end of input.
/// </summary>
internal sealed class ConsoleInput(TextReader reader)
{
    private readonly Channel<string> _lines = Channel.CreateBounded<string>(new BoundedChannelOptions(64) { SingleReader = true, SingleWriter = true });
    private readonly Lock _lock = new();
    private bool _started;

    /// <summary>The next message, or null at the end of input.</summary>
    public async Task<string?> ReadMessageAsync(CancellationToken ct)
    {
        var first = await ReadLineAsync(ct);
        if (first is null)
        {
            return null;
        }

        var message = new StringBuilder();
        var line = first;
        var block = first.TrimStart().StartsWith('#');
        while (true)
        {
            var continued = line.EndsWith('\\');
            message.Append(continued ? line[..^1] : line);
            if (!continued && !block)
            {
                break;
            }

            var next = await ReadLineAsync(ct);
            if (next is null || (block && !continued && next.Trim().Length == 0))
            {
                break;
            }

            message.Append('\n');
            line = next;
        }

        return message.ToString();
    }

    private async Task<string?> ReadLineAsync(CancellationToken ct)
    {
        StartReading();
        // Completed at the end of input: every later read answers null at once.
        return await _lines.Reader.WaitToReadAsync(ct) && _lines.Reader.TryRead(out var line) ? line : null;
    }

    private void StartReading()
    {
        lock (_lock)
        {
            if (_started)
            {
                return;
            }

            _started = true;
        }

        // A background thread: the process may end while it still waits for a line nobody will type.
        var thread = new Thread(() =>
        {
            try
            {
                while (reader.ReadLine() is { } line)
                {
                    _lines.Writer.WriteAsync(line).AsTask().GetAwaiter().GetResult();
                }
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
                // A closed terminal is the end of input.
            }
            finally
            {
                _lines.Writer.TryComplete();
            }
        })
        {
            IsBackground = true,
            Name = "console input",
        };
        thread.Start();
    }
}
