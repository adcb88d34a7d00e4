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
internal sealed class ReviewHandler(RegionCatalog regions, QuestionnaireCatalog questionnaires, ClaimReview claims, TimeProvider clock)
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
        if (kind == RecordKind.Koperasi)
        {
            var koperasi = await db.KoperasiRecords.FirstOrDefaultAsync(r => r.Id == id, ct);
            return (koperasi, koperasi?.KodeDesa ?? "");
        }

        var umkm = await db.UmkmRecords.FirstOrDefaultAsync(r => r.Id == id, ct);
        return (umkm, umkm?.KodeDesa ?? "");
    }

    private async Task ShowNextAsync(UpdateContext context, CancellationToken ct)
    {
        var scope = RolePolicy.ScopeOf(context.Person)!;
        var umkm = RolePolicy.RecordsIn(context.Db.UmkmRecords.AsNoTracking(), scope).Where(r => r.Status == RecordStatus.Flagged);
        var koperasi = RolePolicy.RecordsIn(context.Db.KoperasiRecords.AsNoTracking(), scope).Where(r => r.Status == RecordStatus.Flagged);
        var count = await umkm.CountAsync(ct) + await koperasi.CountAsync(ct) + await ClaimReview.OpenIn(context.Db, scope).CountAsync(ct);
        // People waiting to be recognised as owners come first.
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

internal static class ReviewTexts
{
    public static readonly UserText Usage = new(
        "Cara meninjau: /tinjau (data berikutnya), /tinjau setuju <no>, /tinjau tolak <no> <alasan>; untuk koperasi: /tinjau setuju kop <no>, /tinjau tolak kop <no> <alasan>.",
        "How to review: /tinjau (next record), /tinjau setuju <no> (approve), /tinjau tolak <no> <reason> (reject); for a cooperative: /tinjau setuju kop <no>, /tinjau tolak kop <no> <reason>.");

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

    public static UserText AskReason(string number, string target) => new(
        $"Mengapa {number} ditolak? Pilih alasan, atau ketik: /tinjau tolak {target} <alasan>",
        $"Why is {number} rejected? Pick a reason, or type: /tinjau tolak {target} <reason>");

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
    public static UserText Card(KoperasiRecord r, int waiting, string village, string? enumerator, DateOnly sentDay, UserText? position)
    {
        var members = r.AnggotaL is null && r.AnggotaP is null ? (int?)null : (r.AnggotaL ?? 0) + (r.AnggotaP ?? 0);
        var figures = string.Join(" · ", new[]
        {
            r.Kbli is null ? null : $"KBLI {r.Kbli}",
            members is null ? null : $"{MoneyFormat.Grouped(members.Value)} anggota",
            r.VolumeUsaha is null ? null : $"volume {MoneyFormat.Rupiah(r.VolumeUsaha.Value)}/th",
        }.Where(f => f is not null));
        var officer = r.NamaPengurus ?? "-";
        var by = enumerator is null ? r.Sumber : $"{enumerator} ({r.Sumber})";
        var sent = DateParser.Format(sentDay);
        return new UserText(
            $"""
            🔎 Perlu ditinjau ({waiting} menunggu)
            *{r.RegistrationNumber}* — {r.NamaKoperasi} (koperasi)
            Pengurus: {officer}{(position is null ? "" : $" ({position.Id})")}
            No. badan hukum: {r.NoBadanHukum ?? "-"}
            Desa: {village}
            {figures}
            Dikirim {sent} oleh {by}
            Alasan: {r.FlagReason}
            """,
            $"""
            🔎 To review ({waiting} waiting)
            *{r.RegistrationNumber}* — {r.NamaKoperasi} (cooperative)
            Officer: {officer}{(position is null ? "" : $" ({position.En})")}
            Legal entity no.: {r.NoBadanHukum ?? "-"}
            Village: {village}
            {figures}
            Sent {sent} by {by}
            Reason: {r.FlagReason}
            """);
    }
}
