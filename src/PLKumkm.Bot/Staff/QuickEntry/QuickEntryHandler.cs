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
    public async Task<bool> TryHandleAsync(UpdateContext context, CancellationToken cancellationToken)
    {
        // /cepat (the command table lets in only those RolePolicy allows quick entry), or #<questionnaire>.
        QuickEntryParser parser;
        QuickEntryMessage message;
        if (context.Command is { } command && parsers.Cepat is { } cepat)
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
        // It names the business: an erasure of its owner blanks it in the enumerator's chat too.
        context.Reply(new OutboundMessage(QuickEntryReplies.Saved(saved, village, result.Notes).In(context.Language))
        {
            Subject = OutboxSubjects.Record(record.Kind, record.Id),
        });
        return true;
    }
}
