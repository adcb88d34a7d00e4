using PLKumkm.Bot.Core;
using PLKumkm.Bot.Storage.Entities;
using static PLKumkm.Bot.Messaging.Commands.ChatCommands;

namespace PLKumkm.Bot.Messaging.Commands;

/// <summary>
/// The help texts, put together from the entries' own help words (<see cref="CommandEntry.Help"/>): what goes on
/// which line, in which order, is all this file says. A help word no layout shows fails a test.
/// </summary>
internal static class CommandHelp
{
    private static readonly UserText Bullet = new("• ", "• ");

    /// <summary>The owner's <c>/bantuan</c>, which everyone gets (staff get their own lines above it).</summary>
    public static UserText Owner { get; } = OwnerLines(withReminders: true);

    /// <summary>Below a staff line that already names <c>/langganan</c> and <c>/berhenti</c> (with the digest).</summary>
    private static readonly UserText OwnerBelowDigestLine = OwnerLines(withReminders: false);

    /// <summary>What a group is told it may ask (the commands answered in groups, in table order).</summary>
    public static UserText Group { get; } = Lines(
        new("Di grup ini saya menjawab capaian pendataan PL-KUMKM:", "In this group I answer PL-KUMKM census progress:"),
        [.. Table.Entries.Where(e => e.InGroups == InGroups.Answered && e.Help.ContainsKey(HelpSection.Group))
            .Select(e => Line(HelpSection.Group, Bullet, "", e))],
        new("Untuk mendaftarkan usaha atau koperasi, atau urusan data pribadi, chat saya secara pribadi.",
            "To register a business or cooperative, or for anything personal, chat with me privately."));

    /// <summary>The commands of an open question, shown with its help and after an unknown command.</summary>
    public static UserText QuestionHint { get; } =
        Line(HelpSection.QuestionHint, new("Perintah: ", "Commands: "), ", ", Back, Skip, Cancel, Help);

    private static readonly Dictionary<PersonRole, UserText> StaffLines = new()
    {
        [PersonRole.Enumerator] = Line(HelpSection.Enumerator, new("Sebagai pencacah: ", "As an enumerator: "), " • ",
            QuickEntry, Performance, Register),
        [PersonRole.Coordinator] = Line(HelpSection.Coordinator, new("Sebagai koordinator: ", "As a coordinator: "), " • ",
            Team, Review, QuickEntry, Subscribe, Unsubscribe, ChatCommands.Broadcast),
        [PersonRole.Official] = Line(HelpSection.Official, new("Sebagai pejabat: ", "As an official: "), " • ", ChatCommands.Progress, Export,
            Subscribe, Unsubscribe, ChatCommands.Broadcast),
        [PersonRole.Admin] = Line(HelpSection.Admin, new("Sebagai admin: ", "As an admin: "), ", ",
            Team, Review, Export, QuickEntry, ChatCommands.Progress, Subscribe, ChatCommands.Broadcast),
    };

    /// <summary>The private chat's <c>/bantuan</c> for <paramref name="role"/>.</summary>
    public static UserText For(PersonRole role) => StaffLines.TryGetValue(role, out var staff)
        ? staff.Append(role == PersonRole.Enumerator ? Owner : OwnerBelowDigestLine, "\n\n")
        : Owner;

    // Everyone gets reminders and broadcasts, and every one of them ends with "ketik /berhenti": the help says how to
    // stop them and how to have them again.
    private static UserText OwnerLines(bool withReminders) => Lines(
        new("Halo! Saya bot PL-KUMKM (Pendataan Lengkap Koperasi dan UMKM).",
            "Hello! I am the PL-KUMKM bot (complete census of cooperatives and MSMEs)."),
        [
            Line(HelpSection.Owner, Bullet, "", Start),
            Line(HelpSection.Owner, Bullet, "; ", Status, Edit, Withdraw),
            Line(HelpSection.Owner, Bullet, "", ChatCommands.Progress),
            Line(HelpSection.Owner, Bullet, "", Language),
            .. withReminders ? [Line(HelpSection.Owner, Bullet, "; ", Unsubscribe, Subscribe)] : Array.Empty<UserText>(),
            Line(HelpSection.Owner, Bullet, "", Help),
        ],
        Line(HelpSection.OwnerWhileAnswering, new("Di tengah pengisian: ", "While answering: "), ", ", Back, Skip, Cancel)
            .Append(new(".", "."), ""));

    private static UserText Line(HelpSection section, UserText prefix, string separator, params CommandEntry[] entries) =>
        new(prefix.Id + string.Join(separator, entries.Select(e => Words(e, section).Id)),
            prefix.En + string.Join(separator, entries.Select(e => Words(e, section).En)));

    private static UserText Lines(UserText first, params UserText[] rest) =>
        rest.Aggregate(first, (text, line) => text.Append(line, "\n"));

    private static UserText Lines(UserText first, UserText[] middle, UserText last) => Lines(first, [.. middle, last]);

    private static UserText Words(CommandEntry entry, HelpSection section) =>
        entry.Help.TryGetValue(section, out var words)
            ? words
            : throw new InvalidOperationException($"{entry} has no help words for {section}");
}
