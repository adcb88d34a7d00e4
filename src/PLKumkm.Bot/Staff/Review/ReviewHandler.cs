using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Records;
using PLKumkm.Bot.Regions;
using PLKumkm.Bot.Storage.Entities;
using PLKumkm.Bot.Validation;

namespace PLKumkm.Bot.Staff.Review;

/// <summary>
/// <c>/tinjau</c>: a coordinator goes through the flagged records of their region one at a time and
/// approves (counted, active) or rejects them with a reason (not counted; "duplikat" marks a duplicate).
/// Every decision is kept (<see cref="ReviewDecision"/>); the status change goes through EF so progress
/// counts follow by themselves.
/// </summary>
internal sealed class ReviewHandler(RegionCatalog regions, TimeProvider clock) : IMessageHandler
{
    public int Order => 28;

    public async Task<bool> TryHandleAsync(UpdateContext context, CancellationToken cancellationToken)
    {
        var command = ChatCommand.Parse(context.Text);
        if (command is null || !command.Is("tinjau", "review"))
        {
            return false;
        }

        var person = context.Person;
        if (!RolePolicy.Allows(person, StaffAction.Review))
        {
            context.Reply(RolePolicy.Refusal(StaffAction.Review));
            return true;
        }

        var review = ReviewCommand.Parse(command.Arguments);
        switch (review.Verb)
        {
            case ReviewVerb.Invalid:
                context.Reply(ReviewTexts.Usage);
                return true;
            case ReviewVerb.Next:
                await ShowNextAsync(context, cancellationToken);
                return true;
        }

        var record = await context.Db.UmkmRecords.FirstOrDefaultAsync(r => r.Id == review.RecordId, cancellationToken);
        if (record is null || !RolePolicy.InScope(person, record.KodeDesa))
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
            context.Reply(new OutboundMessage(ReviewTexts.AskReason(record.RegistrationNumber, record.Id).In(context.Language))
            {
                Options = ReviewCommand.PresetReasons.Select(r => new ReplyOption(r, ReviewCommand.RejectValue(record.Id, r))).ToList(),
            });
            return true;
        }

        var outcome = review.Verb == ReviewVerb.Approve ? ReviewOutcome.Approved
            : review.IsDuplicate ? ReviewOutcome.Duplicate : ReviewOutcome.Rejected;
        var now = clock.GetUtcNow();
        var before = RecordSnapshots.Take(record);
        context.Db.ReviewDecisions.Add(new ReviewDecision
        {
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

    private async Task ShowNextAsync(UpdateContext context, CancellationToken ct)
    {
        var scope = RolePolicy.ScopeOf(context.Person)!;
        var flagged = RolePolicy.RecordsIn(context.Db.UmkmRecords.AsNoTracking(), scope).Where(r => r.Status == RecordStatus.Flagged);
        var count = await flagged.CountAsync(ct);
        var next = await flagged.OrderBy(r => r.Id).FirstOrDefaultAsync(ct);
        if (next is null)
        {
            var regionName = regions.Find(scope)?.FullName ?? scope;
            context.Reply(ReviewTexts.NothingLeft(regionName));
            return;
        }

        var submitter = await SubmitterNameAsync(context, next, ct);
        context.Reply(new OutboundMessage(ReviewTexts.Card(next, count, Village(next.KodeDesa), submitter,
            RegionClock.LocalDate(regions, next.KodeKabupaten, next.WaktuKirim)).In(context.Language))
        {
            Options =
            [
                new ReplyOption(context.Language == Languages.English ? "✅ Approve" : "✅ Setujui", ReviewCommand.ApproveValue(next.Id)),
                new ReplyOption(context.Language == Languages.English ? "❌ Reject" : "❌ Tolak", ReviewCommand.RejectValue(next.Id)),
            ],
        });
    }

    private string Village(string code) =>
        regions.Find(code) is { } village && regions.DistrictOf(code) is { } district
            ? $"{village.Name} ({district.FullName})"
            : code;

    private static async Task<string?> SubmitterNameAsync(UpdateContext context, UmkmRecord record, CancellationToken ct)
    {
        if (!long.TryParse(record.Enumerator, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return null;
        }

        return await context.Db.People.Where(p => p.Id == id).Select(p => p.Name).FirstOrDefaultAsync(ct);
    }
}

internal static class ReviewTexts
{
    public static readonly UserText Usage = new(
        "Cara meninjau: /tinjau (data berikutnya), /tinjau setuju <no>, /tinjau tolak <no> <alasan>.",
        "How to review: /tinjau (next record), /tinjau setuju <no> (approve), /tinjau tolak <no> <reason> (reject).");

    public static readonly UserText NotYours = new(
        "Data itu tidak ada di wilayah Anda.",
        "That record is not in your region.");

    public static UserText NothingLeft(string region) => new(
        $"✅ Tidak ada data yang perlu ditinjau di {region}.",
        $"✅ Nothing to review in {region}.");

    public static UserText AlreadyDecided(string number, RecordStatus status) => status switch
    {
        RecordStatus.Active => new($"{number} sudah disetujui.", $"{number} is already approved."),
        RecordStatus.Duplicate => new($"{number} sudah ditandai duplikat.", $"{number} is already marked a duplicate."),
        RecordStatus.Rejected => new($"{number} sudah ditolak.", $"{number} is already rejected."),
        _ => new($"{number} tidak perlu ditinjau.", $"{number} does not need a review."),
    };

    public static UserText AskReason(string number, long id) => new(
        $"Mengapa {number} ditolak? Pilih alasan, atau ketik: /tinjau tolak {id} <alasan>",
        $"Why is {number} rejected? Pick a reason, or type: /tinjau tolak {id} <reason>");

    public static UserText Decided(string number, ReviewOutcome outcome, string? reason) => outcome switch
    {
        ReviewOutcome.Approved => new($"✅ {number} disetujui (tetap dihitung).", $"✅ {number} approved (still counted)."),
        ReviewOutcome.Duplicate => new($"🗂 {number} ditandai duplikat (tidak dihitung).", $"🗂 {number} marked a duplicate (not counted)."),
        _ => new($"❌ {number} ditolak: {reason} (tidak dihitung).", $"❌ {number} rejected: {reason} (not counted)."),
    };

    public static UserText Card(UmkmRecord r, int waiting, string village, string? enumerator, DateOnly sentDay)
    {
        var figures = string.Join(" · ", new[]
        {
            r.Kbli is null ? null : $"KBLI {r.Kbli}",
            r.TkTotal is null ? null : $"{MoneyFormat.Grouped(r.TkTotal.Value)} pekerja",
            r.OmzetTahunan is null ? null : $"omzet {MoneyFormat.Rupiah(r.OmzetTahunan.Value)}/th",
            r.Skala,
        }.Where(f => f is not null));
        var nik = r.Nik is null ? "-" : NikParser.Mask(r.Nik);
        var by = enumerator is null ? r.Sumber : $"{enumerator} ({r.Sumber})";
        var sent = DateParser.Format(sentDay);
        return new UserText(
            $"""
            🔎 Perlu ditinjau ({waiting} menunggu)
            *{r.RegistrationNumber}* — {r.NamaUsaha}
            Pemilik: {r.NamaPemilik} (NIK {nik})
            Desa: {village}
            {figures}
            Dikirim {sent} oleh {by}
            Alasan: {r.FlagReason}
            """,
            $"""
            🔎 To review ({waiting} waiting)
            *{r.RegistrationNumber}* — {r.NamaUsaha}
            Owner: {r.NamaPemilik} (NIK {nik})
            Village: {village}
            {figures}
            Sent {sent} by {by}
            Reason: {r.FlagReason}
            """);
    }
}
