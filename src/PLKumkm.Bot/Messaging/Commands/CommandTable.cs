namespace PLKumkm.Bot.Messaging.Commands;

/// <summary>
/// The chat's commands (<see cref="ChatCommands.Table"/>) and the three handlers every update may end at: the open
/// questionnaire, the private chat's help, and the group's own answer. Checked when built: every handler is an
/// <see cref="IMessageHandler"/> and no name belongs to two entries.
/// </summary>
internal sealed class CommandTable
{
    private readonly Dictionary<string, CommandEntry> _byName = new(StringComparer.Ordinal);

    public CommandTable(IReadOnlyList<CommandEntry> entries, Type openQuestionnaire, Type otherwise, Type inGroups)
    {
        Entries = entries;
        OpenQuestionnaire = openQuestionnaire;
        Otherwise = otherwise;
        InGroupsOtherwise = inGroups;
        foreach (var type in HandlerTypes.Where(t => !typeof(IMessageHandler).IsAssignableFrom(t)))
        {
            throw new ArgumentException($"{type.Name} is in the command table but is not an {nameof(IMessageHandler)}");
        }

        foreach (var entry in entries)
        {
            foreach (var name in entry.Names)
            {
                if (!_byName.TryAdd(name, entry))
                {
                    throw new ArgumentException($"/{name} is declared twice in the command table ({_byName[name]} and {entry})");
                }
            }
        }
    }

    /// <summary>In the order of the command menu; plain-text triggers are tried in this order too.</summary>
    public IReadOnlyList<CommandEntry> Entries { get; }

    /// <summary>Takes whatever a private chat sends while a questionnaire is open and nothing before it took.</summary>
    public Type OpenQuestionnaire { get; }

    /// <summary>Answers a private chat when nothing else does.</summary>
    public Type Otherwise { get; }

    /// <summary>Answers a group when no public command does (help, or a pointer to a private chat).</summary>
    public Type InGroupsOtherwise { get; }

    /// <summary>Every handler the table routes to, each once.</summary>
    public IEnumerable<Type> HandlerTypes =>
        Entries.Select(e => e.Handler).Append(OpenQuestionnaire).Append(Otherwise).Append(InGroupsOtherwise).Distinct();

    public CommandEntry? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The update's command matched against the table; null when the text is no /command.</summary>
    public CommandCall? Match(string? text) =>
        ChatCommand.Parse(text) is { } typed ? new CommandCall(Find(typed.Name), typed.Name, typed.Arguments) : null;

    /// <summary>This table with <paramref name="entry"/> tried first (tests add a handler of their own this way).</summary>
    public CommandTable With(CommandEntry entry) => new([entry, .. Entries], OpenQuestionnaire, Otherwise, InGroupsOtherwise);
}
