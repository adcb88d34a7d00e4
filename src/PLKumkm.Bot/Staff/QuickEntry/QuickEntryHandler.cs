using PLKumkm.Bot.Core;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Records;
using PLKumkm.Bot.Regions;

namespace PLKumkm.Bot.Staff.QuickEntry;

/// <summary>
/// <c>#&lt;questionnaire id&gt;</c> + <c>Key: value</c> lines (<c>#umkm</c>, <c>#koperasi</c>, or <c>/cepat</c> for UMKM):
/// one message, one record, answered at once with the registration number or the list of what is wrong (and then
/// nothing is stored). The tag alone returns the form.
/// </summary>
internal sealed class QuickEntryHandler(QuickEntryParsers parsers, RecordWriter records, RegionCatalog regions, TimeProvider clock)
    : IMessageHandler
{
    public int Order => 25;

    public async Task<bool> TryHandleAsync(UpdateContext context, CancellationToken cancellationToken)
    {
        var command = ChatCommand.Parse(context.Text);
        QuickEntryParser parser;
        QuickEntryMessage message;
        if (command is not null && command.Is("cepat") && parsers.Cepat is { } cepat)
        {
            (parser, message) = (cepat, cepat.FromBody(command.Arguments, firstLineNumber: 2));
        }
        else if (parsers.Find(context.Text) is { } tagged)
        {
            (parser, message) = tagged;
        }
        else
        {
            return false;
        }

        var person = context.Person;
        if (!RolePolicy.Allows(person, StaffAction.QuickEntry))
        {
            context.Reply(RolePolicy.Refusal(StaffAction.QuickEntry));
            return true;
        }

        var scope = RolePolicy.ScopeOf(person)!;
        var result = parser.Parse(message, scope, RegionClock.Today(regions, scope, clock.GetUtcNow()));
        if (result.Blank)
        {
            context.Replies.AddRange(QuickEntryTemplate.For(parser, regions, scope, context.Language));
            return true;
        }

        if (!result.Ok)
        {
            context.Reply(QuickEntryReplies.Errors(result.Errors).In(context.Language));
            return true;
        }

        var submitter = Submitter.Staff(person, scope);
        var saved = parser.Questionnaire.Kind == RecordKind.Koperasi
            ? QuickEntrySaved.From(await records.SaveKoperasiAsync(result.Answers, submitter, cancellationToken))
            : QuickEntrySaved.From(await records.SaveUmkmAsync(result.Answers, submitter, cancellationToken));
        if (saved.Record is not { } record)
        {
            context.Reply(WriteRefusalTexts.For(saved.Refused!, regions));
            return true;
        }

        var village = regions.Find(record.KodeDesa)?.Name ?? record.KodeDesa;
        context.Reply(QuickEntryReplies.Saved(saved, village, result.Notes).In(context.Language));
        return true;
    }
}
