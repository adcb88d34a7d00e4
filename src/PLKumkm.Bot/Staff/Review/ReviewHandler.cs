using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Conversations;
using PLKumkm.Bot.Conversations.Handling;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Records;
using PLKumkm.Bot.Regions;
using PLKumkm.Bot.Storage;
using PLKumkm.Bot.Storage.Entities;
using PLKumkm.Bot.Validation;

namespace PLKumkm.Bot.Staff.Review;

/// <summary>
/// <c>/tinjau</c>: a coordinator goes through the flagged records (UMKM and cooperatives) of their region one at a
/// time, oldest first, and approves (counted, active) or rejects them with a reason (not counted; "duplikat" marks a
/// duplicate). Every decision is kept (<see cref="ReviewDecision"/>); the status change goes through EF so progress
/// counts follow by themselves.
/// </summary>
internal sealed class ReviewHandler(RegionCatalog regions, QuestionnaireCatalog questionnaires, ClaimReview claims, ErasureReview erasures, TimeProvider clock)
    : IMessageHandler
{
    public async Task<bool> TryHandleAsync(UpdateContext context, CancellationToken cancellationToken)
    {
        // The command table lets in only those RolePolicy allows to review.
        var person = context.Person;
        var review = ReviewCommand.Parse(context.Arguments);
        switch (review.Verb)
        {
            case ReviewVerb.Invalid:
                context.Reply(ReviewTexts.Usage);
                return true;
            case ReviewVerb.Next:
                await ShowNextAsync(context, cancellationToken);
                return true;
        }

        if (review.IsErasure)
        {
            if (await erasures.DecideAsync(context, RolePolicy.ScopeOf(person)!, review.RecordId, review.Verb == ReviewVerb.Approve, review.Reason, cancellationToken))
            {
                await ShowNextAsync(context, cancellationToken);
            }

            return true;
        }

        if (review.IsClaim)
        {
            await claims.DecideAsync(context, RolePolicy.ScopeOf(person)!, review.RecordId, review.Verb == ReviewVerb.Approve, cancellationToken);
            await ShowNextAsync(context, cancellationToken);
            return true;
        }

        var (record, village) = await FindAsync(context.Db, review.Kind, review.RecordId, cancellationToken);
        if (record is null || !RolePolicy.InScope(person, village))
        {
            // Another region's record is answered like a missing one: its existence is not theirs to know.
            context.Reply(ReviewTexts.NotYours);
            return true;
        }

        if (record.Status != RecordStatus.Flagged)
        {
            context.Reply(ReviewTexts.AlreadyDecided(record.RegistrationNumber, record.Status));
            await ShowNextAsync(context, cancellationToken);
            return true;
        }

        if (review.Verb == ReviewVerb.Reject && review.Reason is null)
        {
            var reasons = record.Kind == RecordKind.Koperasi ? ReviewCommand.KoperasiPresetReasons : ReviewCommand.PresetReasons;
            context.Reply(new OutboundMessage(
                ReviewTexts.AskReason(record.RegistrationNumber, ReviewCommand.Target(record.Kind, record.Id)).In(context.Language))
            {
                Options = reasons.Select(r => new ReplyOption(r, ReviewCommand.RejectValue(record.Id, r, record.Kind))).ToList(),
            });
            return true;
        }

        var outcome = review.Verb == ReviewVerb.Approve ? ReviewOutcome.Approved
            : review.IsDuplicate ? ReviewOutcome.Duplicate : ReviewOutcome.Rejected;
        var now = clock.GetUtcNow();
        var before = RecordSnapshots.Take(record);
        context.Db.ReviewDecisions.Add(new ReviewDecision
        {
            Kind = record.Kind,
            RecordId = record.Id,
            DecidedByPersonId = person.Id,
            DecidedAt = now,
            Decision = outcome,
            Reason = review.Reason,
            PreviousStatus = record.Status,
        });
        record.Status = outcome switch
        {
            ReviewOutcome.Approved => RecordStatus.Active,
            ReviewOutcome.Duplicate => RecordStatus.Duplicate,
            _ => RecordStatus.Rejected,
        };
        record.UpdatedAt = now;
        // The record's own history shows the decision too (who, when, status old → new, the reason), beside the
        // review table the coordinators' work is counted from.
        await RecordHistory.AddAsync(context.Db, record, before, person.Id, RecordHistory.ReviewSource,
            review.Reason ?? outcome.ToString(), now, cancellationToken);
        await context.Db.SaveChangesAsync(cancellationToken);
        context.Reply(ReviewTexts.Decided(record.RegistrationNumber, outcome, review.Reason));
        await ShowNextAsync(context, cancellationToken);
        return true;
    }

    private static async Task<(IRegisteredRecord? Record, string Village)> FindAsync(
        BotDbContext db, RecordKind kind, long id, CancellationToken ct)
    {
        var record = await RecordLookup.FindAsync(db, kind, id, ct);
        return (record, record?.KodeDesa ?? "");
    }

    private async Task ShowNextAsync(UpdateContext context, CancellationToken ct)
    {
        var scope = RolePolicy.ScopeOf(context.Person)!;
        var umkm = RolePolicy.RecordsIn(context.Db.UmkmRecords.AsNoTracking(), scope).Where(r => r.Status == RecordStatus.Flagged);
        var koperasi = RolePolicy.RecordsIn(context.Db.KoperasiRecords.AsNoTracking(), scope).Where(r => r.Status == RecordStatus.Flagged);
        var count = await umkm.CountAsync(ct) + await koperasi.CountAsync(ct) + await ClaimReview.OpenIn(context.Db, scope).CountAsync(ct)
            + await ErasureReview.OpenIn(context.Db, scope).CountAsync(ct);
        // Erasure requests run against a legal deadline: first. Then people waiting to be recognised as owners.
        if (await erasures.NextCardAsync(context, scope, count, ct) is { } erasureCard)
        {
            context.Reply(erasureCard);
            return;
        }

        if (await claims.NextCardAsync(context, scope, count, ct) is { } claimCard)
        {
            context.Reply(claimCard);
            return;
        }

        var nextUmkm = await umkm.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).FirstOrDefaultAsync(ct);
        var nextKoperasi = await koperasi.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).FirstOrDefaultAsync(ct);
        if (nextUmkm is null && nextKoperasi is null)
        {
            var regionName = regions.Find(scope)?.FullName ?? scope;
            context.Reply(ReviewTexts.NothingLeft(regionName));
            return;
        }

        // Oldest first across both kinds; a UMKM first when both came in at the same instant.
        UserText card;
        IRegisteredRecord next;
        if (nextKoperasi is not null && (nextUmkm is null || nextKoperasi.CreatedAt < nextUmkm.CreatedAt))
        {
            next = nextKoperasi;
            var submitter = await SubmitterNameAsync(context, nextKoperasi.Enumerator, ct);
            card = ReviewTexts.Card(nextKoperasi, count, Village(nextKoperasi.KodeDesa), submitter,
                RegionClock.LocalDate(regions, nextKoperasi.KodeKabupaten, nextKoperasi.WaktuKirim), Position(nextKoperasi.JabatanPengurus));
        }
        else
        {
            next = nextUmkm!;
            var submitter = await SubmitterNameAsync(context, nextUmkm!.Enumerator, ct);
            card = ReviewTexts.Card(nextUmkm, count, Village(nextUmkm.KodeDesa), submitter,
                RegionClock.LocalDate(regions, nextUmkm.KodeKabupaten, nextUmkm.WaktuKirim));
        }

        context.Reply(new OutboundMessage(card.In(context.Language))
        {
            Subject = OutboxSubjects.Record(next.Kind, next.Id),
            Options =
            [
                new ReplyOption(context.Language == Languages.English ? "✅ Approve" : "✅ Setujui", ReviewCommand.ApproveValue(next.Id, next.Kind)),
                new ReplyOption(context.Language == Languages.English ? "❌ Reject" : "❌ Tolak", ReviewCommand.RejectValue(next.Id, kind: next.Kind)),
            ],
        });
    }

    private string Village(string code) =>
        regions.Find(code) is { } village && regions.DistrictOf(code) is { } district
            ? $"{village.Name} ({district.FullName})"
            : code;

    /// <summary>The officer's position as the koperasi questionnaire words it (<c>ketua</c> → Ketua / Chair).</summary>
    private UserText? Position(string? value)
    {
        if (value is null || !questionnaires.Contains(StartHandler.KoperasiQuestionnaire))
        {
            return null;
        }

        var option = questionnaires.Get(StartHandler.KoperasiQuestionnaire).Find("jabatan_pengurus")?.Options
            .FirstOrDefault(o => o.Value == value);
        return option?.Label ?? new UserText(value, value);
    }

    private static async Task<string?> SubmitterNameAsync(UpdateContext context, string? enumerator, CancellationToken ct)
    {
        if (!long.TryParse(enumerator, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return null;
        }

        return await context.Db.People.Where(p => p.Id == id).Select(p => p.Name).FirstOrDefaultAsync(ct);
    }
}
