using PLKumkm.Bot.Core;
using PLKumkm.Bot.Staff;

namespace PLKumkm.Bot.Messaging.Commands;

/// <summary>What a command does in a group or channel, which is a public place.</summary>
internal enum InGroups
{
    /// <summary>Personal: the group gets one line pointing to a private chat.</summary>
    PrivateChatOnly,

    /// <summary>Public figures: the command's handler answers in the group too.</summary>
    Answered,

    /// <summary>Typed without arguments, it shows the group's own help.</summary>
    ShowsGroupHelp,
}

/// <summary>What a command does while the person has a questionnaire open.</summary>
internal enum WhileAnswering
{
    /// <summary>Answered at once; the handler may show the open question again afterwards.</summary>
    Interrupts,

    /// <summary>One of the questionnaire's own commands (back, skip, cancel, help): with a questionnaire open it goes
    /// there; without one, to the entry's handler.</summary>
    BelongsToQuestionnaire,
}

/// <summary>Who wins between a plain-text trigger and an open questionnaire.</summary>
internal enum TriggerPrecedence
{
    /// <summary>Taken even while a questionnaire is open (a <c>#umkm</c> entry is never an answer).</summary>
    BeforeQuestionnaire,

    /// <summary>Taken only when the open questionnaire does not take the input itself (a typed menu choice,
    /// a shared contact outside a phone question).</summary>
    AfterQuestionnaire,
}

/// <summary>Where a help text appears: the per-role <c>/bantuan</c>, the group's help, the engine's hint.</summary>
internal enum HelpSection
{
    Owner,
    OwnerWhileAnswering,
    Enumerator,
    Coordinator,
    Official,
    Admin,
    Group,
    QuestionHint,
}

/// <summary>
/// Input that is not a /command but still belongs to an entry's handler (<c>#umkm …</c>, "progress OKU", a shared
/// contact). The handler may still decline what matches (it returns false), and the update goes on.
/// </summary>
internal sealed record PlainTrigger(Func<InboundContent, bool> Matches, TriggerPrecedence Precedence)
{
    /// <summary>
    /// A second check against what is loaded (e.g. the questionnaires), made before the entry's role is checked, so
    /// text that only looks like the trigger ("#1 Laundry" as a business name) stays the person's answer.
    /// </summary>
    public Func<IServiceProvider, InboundContent, bool>? Confirms { get; init; }

    public static PlainTrigger Text(Func<string, bool> matches, TriggerPrecedence precedence) =>
        new(content => content is TextInput { Text: var text } && matches(text), precedence);
}

/// <summary>
/// One chat command, declared once: the slash names it answers to, the handler that answers, who may use it,
/// where, what it does to an open questionnaire, and its menu and help texts.
/// </summary>
internal sealed class CommandEntry(Type handler, params string[] names)
{
    /// <summary>The <see cref="IMessageHandler"/> that answers.</summary>
    public Type Handler { get; } = handler;

    /// <summary>Slash names without the slash: the Indonesian one first (the menu shows it), then aliases in
    /// both languages. Empty for an entry reached only by its <see cref="Trigger"/>.</summary>
    public IReadOnlyList<string> Names { get; } = names;

    /// <summary>The staff action the person must be allowed (<see cref="RolePolicy"/>); null for anyone.</summary>
    public StaffAction? Requires { get; init; }

    public InGroups InGroups { get; init; } = InGroups.PrivateChatOnly;

    public WhileAnswering WhileAnswering { get; init; } = WhileAnswering.Interrupts;

    public PlainTrigger? Trigger { get; init; }

    /// <summary>Its line in the command menu channels show next to the input box; null keeps it out.</summary>
    public UserText? Menu { get; init; }

    /// <summary>Its words in each help it appears in (the layouts are in <see cref="CommandHelp"/>).</summary>
    public Dictionary<HelpSection, UserText> Help { get; } = [];

    public override string ToString() => Names.Count > 0 ? "/" + Names[0] : Handler.Name;
}

/// <summary>The command of an update as matched against the table, parsed once: its entry (null for an unknown
/// command), the name as typed (lower case, without the bot's @name) and the arguments.</summary>
internal sealed record CommandCall(CommandEntry? Entry, string Name, string Arguments)
{
    public bool Is(CommandEntry entry) => ReferenceEquals(Entry, entry);
}
