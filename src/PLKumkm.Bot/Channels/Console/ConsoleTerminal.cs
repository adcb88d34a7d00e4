namespace PLKumkm.Bot.Channels.Console;

/// <summary>
/// The terminal as a pair of streams (swappable in tests), plus the options last offered so a typed
/// number can mean "that button" — rendering state only, no questionnaire knowledge.
/// </summary>
internal sealed class ConsoleTerminal(TextReader input, TextWriter output)
{
    private readonly Lock _lock = new();
    private IReadOnlyList<Messaging.ReplyOption> _lastOptions = [];

    public TextReader Input { get; } = input;
    public TextWriter Output { get; } = output;

    /// <summary>Messages read from <see cref="Input"/> (several lines each where asked).</summary>
    public ConsoleInput Messages { get; } = new(input);

    public static ConsoleTerminal System() => new(global::System.Console.In, global::System.Console.Out);

    public IReadOnlyList<Messaging.ReplyOption> LastOptions
    {
        get
        {
            lock (_lock)
            {
                return _lastOptions;
            }
        }
        set
        {
            lock (_lock)
            {
                _lastOptions = value;
            }
        }
    }
}
