using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Owners;
using PLKumkm.Bot.Regions;
using PLKumkm.Bot.Storage;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Staff.Review;

/// <summary>
/// Erasure requests in <c>/tinjau</c> (<see cref="ErasureRequest"/>): someone who withdrew consent gave the NIK of a
/// record they could not reach (entered by staff or imported with another phone). A coordinator of the record's
/// regency checks whether it is theirs (e.g. by calling the phone on the record) and erases it — the same erasure as
/// a withdrawal — or declines with a reason. They come first in <c>/tinjau</c>, the nearest deadline first, because
/// the law gives 3×24 hours; the requester is told either way, without the record being named to them.
/// </summary>
internal sealed class ErasureReview(RegionCatalog regions, TimeProvider clock)
{
    public static readonly UserText[] DeclineReasons =
    [
        new("bukan data peminta", "not the requester's data"),
        new("pemilik memastikan datanya tetap disimpan", "the owner confirmed the data stays"),
    ];

    private const string ErasedNote = "permintaan hapus data disetujui koordinator: data pribadi dihapus, tidak dihitung lagi";

    /// <summary>Open requests of the region.</summary>
    public static IQueryable<ErasureRequest> OpenIn(BotDbContext db, string scope)
    {
        var open = db.ErasureRequests.Where(r => r.Status == ErasureStatus.Open);
        if (scope.Length == 0)
        {
            return open;
        }

        var prefix = scope + ".";
        return open.Where(r => r.KodeKabupaten == scope || r.KodeKabupaten.StartsWith(prefix));
    }

    /// <summary>
    /// Tells the coordinators of each regency that received requests (or, where it has none, the admins whose region
    /// covers it) that a deadline is running.
    /// </summary>
    public async Task NotifyReviewersAsync(UpdateContext context, IReadOnlyList<ErasureRequest> referred, CancellationToken ct)
    {
        foreach (var regency in referred.GroupBy(r => r.KodeKabupaten, StringComparer.Ordinal))
        {
            var reviewers = await RolePolicy.PeopleIn(context.Db.People.AsNoTracking(), PersonRole.Coordinator, regency.Key).ToListAsync(ct);
            if (reviewers.Count == 0)
            {
                reviewers = (await context.Db.People.AsNoTracking().Where(p => p.Role == PersonRole.Admin).ToListAsync(ct))
                    .Where(a => RolePolicy.InScope(a, regency.Key)).ToList();
            }

            var due = regency.Min(r => r.DueAt);
            var regionName = regions.Find(regency.Key)?.FullName ?? regency.Key;
            foreach (var reviewer in reviewers)
            {
                foreach (var address in await context.Db.PersonAddresses.Where(a => a.PersonId == reviewer.Id).Select(a => a.Address).ToListAsync(ct))
                {
                    var text = ErasureTexts.NewRequests(regency.Count(), regionName, OwnerTexts.When(due, regency.Key, regions, reviewer.Language));
                    context.Notify(address, new OutboundMessage(text.In(reviewer.Language))
                    {
                        Language = reviewer.Language,
                        Options = [new ReplyOption(reviewer.Language == Languages.English ? "🔎 Review" : "🔎 Tinjau", "/tinjau")],
                    });
                }
            }
        }
    }

    /// <summary>The card of the request due first, with its two buttons, or null when the region has none open.</summary>
    public async Task<OutboundMessage?> NextCardAsync(UpdateContext context, string scope, int waiting, CancellationToken ct)
    {
        var requests = await OpenIn(context.Db, scope).AsNoTracking().OrderBy(r => r.DueAt).ThenBy(r => r.Id).Take(20).ToListAsync(ct);
        foreach (var request in requests)
        {
            var record = await RecordAsync(context.Db, request, ct);
            if (record is null || record.Status == RecordStatus.Withdrawn)
            {
                // Gone already (erased by another request, or by its owner): nothing is left to decide.
                await CloseAsync(context, request.Id, ErasureStatus.Erased, null, ct);
                continue;
            }

            var lang = context.Language;
            var village = regions.Find(record.KodeDesa)?.Name ?? record.KodeDesa;
            var now = clock.GetUtcNow();
            var card = ErasureTexts.Card(record, village, waiting, OwnerTexts.When(request.ReceivedAt, request.KodeKabupaten, regions, lang),
                OwnerTexts.When(request.DueAt, request.KodeKabupaten, regions, lang), request.DueAt - now);
            return new OutboundMessage(card.In(lang))
            {
                Subject = OutboxSubjects.Record(record.Kind, record.Id),
                Options =
                [
                    new ReplyOption(lang == Languages.English ? "🗑 Erase" : "🗑 Hapus datanya", ReviewCommand.EraseValue(request.Id)),
                    new ReplyOption(lang == Languages.English ? "✋ Decline" : "✋ Tolak permintaan", ReviewCommand.DeclineErasureValue(request.Id)),
                ],
            };
        }

        return null;
    }

    /// <summary>Applies the coordinator's decision on request <paramref name="requestId"/> of their region.</summary>
    /// <returns>Whether the next card should follow: not after a refusal or a question for the reason.</returns>
    public async Task<bool> DecideAsync(UpdateContext context, string scope, long requestId, bool erase, string? reason, CancellationToken ct)
    {
        var request = await context.Db.ErasureRequests.FirstOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is null || !RegionCodes.IsWithin(request.KodeKabupaten, scope))
        {
            context.Reply(ErasureTexts.NotFound);
            return false;
        }

        if (request.Status != ErasureStatus.Open)
        {
            context.Reply(ErasureTexts.AlreadyDecided(request.Status));
            return true;
        }

        var record = await RecordAsync(context.Db, request, ct);
        var number = record?.RegistrationNumber ?? "";
        if (!erase && reason is null)
        {
            context.Reply(new OutboundMessage(ErasureTexts.AskReason(number, request.Id).In(context.Language))
            {
                Options = DeclineReasons.Select(r => r.In(context.Language)).Select(r => new ReplyOption(r, ReviewCommand.DeclineErasureValue(request.Id, r))).ToList(),
            });
            return false;
        }

        var now = clock.GetUtcNow();
        if (erase)
        {
            if (record is not null && record.Status != RecordStatus.Withdrawn)
            {
                await PersonalDataEraser.EraseRecordsAsync(context.Db, [record], context.Person.Id, Records.RecordHistory.ReviewSource, ErasedNote, now, ct);
            }

            // Everyone who asked about this record is answered: it is gone for all of them.
            foreach (var same in await context.Db.ErasureRequests
                         .Where(r => r.Status == ErasureStatus.Open && r.Kind == request.Kind && r.RecordId == request.RecordId).ToListAsync(ct))
            {
                Decide(context, same, ErasureStatus.Erased, null, now);
            }

            context.Reply(ErasureTexts.Erased(number));
        }
        else
        {
            Decide(context, request, ErasureStatus.Declined, reason, now);
            context.Reply(ErasureTexts.Declined(number, reason!));
        }

        await context.Db.SaveChangesAsync(ct);
        return true;
    }

    private async Task CloseAsync(UpdateContext context, long requestId, ErasureStatus status, string? reason, CancellationToken ct)
    {
        var request = await context.Db.ErasureRequests.FirstAsync(r => r.Id == requestId, ct);
        Decide(context, request, status, reason, clock.GetUtcNow());
        await context.Db.SaveChangesAsync(ct);
    }

    /// <summary>Records the outcome and tells the requester in their chat; the chat address is then forgotten.</summary>
    private static void Decide(UpdateContext context, ErasureRequest request, ErasureStatus status, string? reason, DateTimeOffset now)
    {
        request.Status = status;
        request.Reason = reason;
        request.DecidedAt = now;
        request.DecidedByPersonId = context.Person.Id;
        if (request.ReplyAddress is { } address)
        {
            var told = status == ErasureStatus.Erased ? ErasureTexts.ToRequesterErased : ErasureTexts.ToRequesterDeclined(reason ?? "");
            // Deleted once delivered, like the withdrawal's own confirmation.
            context.Notify(address, new OutboundMessage(told.In(request.Language)) { Language = request.Language, Subject = OutboxSubjects.ErasedPerson });
            request.ReplyAddress = null;
        }
    }

    private static Task<IRegisteredRecord?> RecordAsync(BotDbContext db, ErasureRequest request, CancellationToken ct) =>
        Records.RecordLookup.FindAsync(db, request.Kind, request.RecordId, ct);
}

internal static class ErasureTexts
{
    public static readonly UserText NotFound = new("Permintaan hapus data itu tidak ada di wilayah Anda.", "That erasure request is not in your region.");

    public static readonly UserText ToRequesterErased = new(
        "✅ Koordinator sudah memeriksa data lain yang memuat NIK Anda: data pribadinya sudah dihapus dan tidak dihitung lagi. Permintaan hapus data Anda selesai.",
        "✅ A coordinator has checked the other record carrying your NIK: its personal data has been deleted and it is no longer counted. Your erasure request is complete.");

    public static UserText ToRequesterDeclined(string reason) => new(
        $"Koordinator sudah memeriksa data lain yang memuat NIK Anda dan tidak menghapusnya: {reason}. Jika ini keliru, hubungi koordinator PL-KUMKM di wilayah Anda.",
        $"A coordinator has checked the other record carrying your NIK and did not delete it: {reason}. If this is a mistake, contact the PL-KUMKM coordinator of your region.");

    public static UserText AlreadyDecided(ErasureStatus status) => status == ErasureStatus.Erased
        ? new("Permintaan itu sudah diputuskan: datanya sudah dihapus.", "That request is already decided: the data was erased.")
        : new("Permintaan itu sudah ditolak.", "That request is already declined.");

    public static UserText AskReason(string number, long requestId)
    {
        var id = requestId.ToString(CultureInfo.InvariantCulture);
        return new(
            $"Mengapa permintaan hapus data {number} ditolak? Pilih alasan, atau ketik: /tinjau tolak hapus {id} <alasan>. Alasannya disampaikan kepada peminta.",
            $"Why is the erasure request for {number} declined? Pick a reason, or type: /tinjau tolak hapus {id} <reason>. The requester is told the reason.");
    }

    public static UserText Erased(string number) => new(
        $"🗑 {number}: data pribadinya sudah dihapus dan tidak dihitung lagi. Peminta sudah diberi tahu.",
        $"🗑 {number}: its personal data has been deleted and it is no longer counted. The requester has been told.");

    public static UserText Declined(string number, string reason) => new(
        $"✋ Permintaan hapus data {number} ditolak: {reason}. Data tetap disimpan; peminta sudah diberi tahu.",
        $"✋ Erasure request for {number} declined: {reason}. The record stays; the requester has been told.");

    public static UserText NewRequests(int count, string region, string due) => new(
        $"🗑 Permintaan hapus data baru di {region}: {count} data memuat NIK orang yang menarik persetujuannya. Putuskan paling lambat {due} (3×24 jam, UU 27/2022). Ketik /tinjau.",
        $"🗑 New erasure request in {region}: {count} {(count == 1 ? "record carries" : "records carry")} the NIK of someone who withdrew consent. Decide by {due} (3×24 hours, Law 27/2022). Type /tinjau.");

    public static UserText Card(IRegisteredRecord record, string village, int waiting, string received, string due, TimeSpan left)
    {
        var hours = (int)Math.Ceiling(left.TotalHours);
        var (deadline, deadlineEn) = left <= TimeSpan.Zero
            ? ($"⚠️ LEWAT BATAS sejak {due}", $"⚠️ OVERDUE since {due}")
            : ($"Batas: {due} (sisa {hours} jam)", $"Deadline: {due} ({hours} h left)");
        var name = record is UmkmRecord u ? u.NamaPemilik : (record as KoperasiRecord)?.NamaPengurus;
        var nik = record is UmkmRecord { Nik: { } n } ? Validation.NikParser.Mask(n) : "-";
        return new UserText(
            $"""
            🗑 Permintaan hapus data ({waiting} menunggu)
            *{record.RegistrationNumber}* — {record.BusinessName} ({village})
            Pemilik di data: {name ?? "-"} (NIK {nik}); HP di data: {record.Hp ?? "-"}; dicatat oleh: {record.Sumber}
            Seseorang yang menarik persetujuannya memberikan NIK ini, tetapi data ini dicatat petugas atau diimpor dengan nomor HP lain.
            Pastikan dulu (mis. telepon HP di data). Jika dihapus, data pribadinya hilang dan tidak dihitung lagi.
            Diterima {received}. {deadline}
            """,
            $"""
            🗑 Erasure request ({waiting} waiting)
            *{record.RegistrationNumber}* — {record.BusinessName} ({village})
            Owner on record: {name ?? "-"} (NIK {nik}); phone on record: {record.Hp ?? "-"}; entered by: {record.Sumber}
            Someone who withdrew consent gave this NIK, but this record was entered by staff or imported with another phone number.
            Check first (e.g. call the phone on record). Erasing removes its personal data and it is no longer counted.
            Received {received}. {deadlineEn}
            """);
    }
}
