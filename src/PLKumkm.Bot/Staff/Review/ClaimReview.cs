using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Records;
using PLKumkm.Bot.Regions;
using PLKumkm.Bot.Storage;
using PLKumkm.Bot.Storage.Entities;
using PLKumkm.Bot.Validation;

namespace PLKumkm.Bot.Staff.Review;

/// <summary>
/// Ownership claims in <c>/tinjau</c>: someone registered a business already recorded under another owner (or under
/// none, with another phone). The coordinator of the record's region checks who they are (e.g. by phone) and
/// approves — the claimant becomes the owner and their answers are applied as a new version — or rejects, and nothing
/// changes. Either way the claimant is told in their chat, and their kept answers are dropped.
/// </summary>
internal sealed class ClaimReview(RecordWriter records, RegionCatalog regions, TimeProvider clock)
{
    /// <summary>Open claims of the region, oldest first.</summary>
    public static IQueryable<RecordClaim> OpenIn(BotDbContext db, string scope)
    {
        var open = db.RecordClaims.Where(c => c.Status == ClaimStatus.Open);
        if (scope.Length == 0)
        {
            return open;
        }

        var prefix = scope + ".";
        return open.Where(c => c.KodeKabupaten == scope || c.KodeKabupaten.StartsWith(prefix));
    }

    /// <summary>The claim card with its two buttons, or null when the region has none open.</summary>
    public async Task<OutboundMessage?> NextCardAsync(UpdateContext context, string scope, int waiting, CancellationToken ct)
    {
        var claim = await OpenIn(context.Db, scope).AsNoTracking().OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).FirstOrDefaultAsync(ct);
        if (claim is null || await RecordAsync(context.Db, claim, ct) is not { } record)
        {
            return null;
        }

        var claimant = await context.Db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == claim.ClaimantPersonId, ct);
        var ownerName = record.OwnerPersonId is { } ownerId
            ? await context.Db.People.Where(p => p.Id == ownerId).Select(p => p.Name).FirstOrDefaultAsync(ct) ?? "-"
            : null;
        var answers = Answers(claim);
        var village = regions.Find(record.KodeDesa)?.Name ?? record.KodeDesa;
        var en = context.Language == Languages.English;
        var card = ClaimTexts.Card(record, village, ownerName, record.Hp, claimant, answers, waiting).In(context.Language);
        return new OutboundMessage(card)
        {
            Subject = OutboxSubjects.Claim(claim.Id),
            Options =
            [
                new ReplyOption(en ? "✅ Approve claim" : "✅ Setujui klaim", ReviewCommand.ApproveClaimValue(claim.Id)),
                new ReplyOption(en ? "❌ Reject claim" : "❌ Tolak klaim", ReviewCommand.RejectClaimValue(claim.Id)),
            ],
        };
    }

    /// <summary>Applies the coordinator's decision on claim <paramref name="claimId"/> of their region.</summary>
    public async Task DecideAsync(UpdateContext context, string scope, long claimId, bool approve, CancellationToken ct)
    {
        var claim = await context.Db.RecordClaims.FirstOrDefaultAsync(c => c.Id == claimId, ct);
        if (claim is null || !RegionCodes.IsWithin(claim.KodeKabupaten, scope))
        {
            context.Reply(ClaimTexts.NotFound);
            return;
        }

        if (claim.Status != ClaimStatus.Open)
        {
            context.Reply(ClaimTexts.AlreadyDecided(claim.Status));
            return;
        }

        var record = await RecordAsync(context.Db, claim, ct);
        var claimant = await context.Db.People.FirstOrDefaultAsync(p => p.Id == claim.ClaimantPersonId, ct);
        // A record withdrawn since (its owner erased it) or a claimant gone cannot become anyone's: the claim closes.
        var decidable = record is not null && record.Status != RecordStatus.Withdrawn && claimant is not null;
        claim.Status = approve && decidable ? ClaimStatus.Approved : ClaimStatus.Rejected;
        claim.DecidedAt = clock.GetUtcNow();
        claim.DecidedByPersonId = context.Person.Id;
        var answers = Answers(claim);
        claim.AnswersJson = null;
        var applied = false;
        if (claim.Status == ClaimStatus.Approved)
        {
            record!.OwnerPersonId = claimant!.Id;
            // The same rules as any owner's correction: answers that would move the record to another regency are not
            // applied (the coordinator is told, the new owner can correct with /ubah).
            applied = (await records.UpdateAsync(record.Kind, record.RegistrationNumber, answers, Submitter.Owner(claimant), ct)).Record is not null;
        }

        await context.Db.SaveChangesAsync(ct);
        var name = record?.BusinessName ?? "";
        var number = record?.RegistrationNumber ?? "";
        context.Reply(claim.Status == ClaimStatus.Approved ? ClaimTexts.Approved(number, applied)
            : approve ? ClaimTexts.Undecidable(number)
            : ClaimTexts.Rejected(number));
        if (claimant is not null && await LatestAddressAsync(context.Db, claimant.Id, ct) is { } address)
        {
            var notice = claim.Status == ClaimStatus.Approved ? ClaimTexts.ToClaimantApproved(number, name) : ClaimTexts.ToClaimantRejected(name);
            context.Notify(address, new OutboundMessage(notice.In(claimant.Language)));
        }
    }

    private static Task<IRegisteredRecord?> RecordAsync(BotDbContext db, RecordClaim claim, CancellationToken ct) =>
        RecordLookup.FindAsync(db, claim.Kind, claim.RecordId, ct);

    private static Task<string?> LatestAddressAsync(BotDbContext db, long personId, CancellationToken ct) =>
        db.PersonAddresses.Where(a => a.PersonId == personId).OrderByDescending(a => a.CreatedAt).Select(a => a.Address).FirstOrDefaultAsync(ct);

    private static Dictionary<string, string> Answers(RecordClaim claim) =>
        claim.AnswersJson is { } json ? JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [] : [];
}

internal static class ClaimTexts
{
    public static readonly UserText NotFound = new("Klaim itu tidak ada di wilayah Anda.", "That claim is not in your region.");

    public static UserText AlreadyDecided(ClaimStatus status) => status == ClaimStatus.Approved
        ? new("Klaim itu sudah disetujui.", "That claim is already approved.")
        : new("Klaim itu sudah ditolak.", "That claim is already rejected.");

    public static UserText Approved(string number, bool applied) => applied
        ? new(
            $"✅ Klaim disetujui: {number} kini milik pendaftarnya, dan jawabannya sudah diterapkan. Pendaftar sudah diberi tahu.",
            $"✅ Claim approved: {number} now belongs to the claimant, and their answers were applied. The claimant has been told.")
        : new(
            $"✅ Klaim disetujui: {number} kini milik pendaftarnya. Jawabannya tidak diterapkan karena desanya di kabupaten/kota lain; pemilik bisa memperbaikinya dengan /ubah. Pendaftar sudah diberi tahu.",
            $"✅ Claim approved: {number} now belongs to the claimant. Their answers were not applied because their village is in another regency; the owner can correct it with /ubah. The claimant has been told.");

    public static UserText Undecidable(string number) => new(
        $"Klaim atas {number} ditutup tanpa perubahan: datanya sudah dihapus pemiliknya atau pendaftarnya sudah tidak ada.",
        $"The claim on {number} is closed without a change: its owner erased the record, or the claimant is gone.");

    public static UserText Rejected(string number) => new(
        $"❌ Klaim atas {number} ditolak: data tidak diubah. Pendaftar sudah diberi tahu.",
        $"❌ Claim on {number} rejected: nothing was changed. The claimant has been told.");

    public static UserText ToClaimantApproved(string number, string name) => new(
        $"✅ Koordinator sudah memeriksa: {name} ({number}) kini tercatat sebagai usaha Anda, dengan jawaban yang Anda kirim. Ketik /status untuk melihatnya.",
        $"✅ A coordinator has checked: {name} ({number}) is now registered as yours, with the answers you sent. Type /status to see it.");

    public static UserText ToClaimantRejected(string name) => new(
        $"Koordinator belum bisa memastikan bahwa {name} milik Anda, jadi datanya tidak diubah. Jika ini keliru, hubungi koordinator PL-KUMKM di wilayah Anda.",
        $"A coordinator could not confirm that {name} is yours, so its data was not changed. If this is a mistake, contact the PL-KUMKM coordinator of your region.");

    public static UserText Card(IRegisteredRecord record, string village, string? ownerName, string? recordPhone, Person? claimant,
        IReadOnlyDictionary<string, string> answers, int waiting)
    {
        var owner = ownerName ?? "(belum ada: dientri petugas atau impor)";
        var ownerEn = ownerName ?? "(none: entered by staff or imported)";
        var who = claimant?.Name ?? "-";
        var phone = claimant?.Phone ?? "(belum terbukti)";
        var phoneEn = claimant?.Phone ?? "(not proven)";
        var nik = answers.GetValueOrDefault("nik") is { Length: > 0 } n ? NikParser.Mask(n) : "-";
        var given = answers.GetValueOrDefault("nama_pemilik") ?? answers.GetValueOrDefault("nama_pengurus") ?? "-";
        return new UserText(
            $"""
            🔎 Klaim pemilik ({waiting} menunggu)
            *{record.RegistrationNumber}* — {record.BusinessName} ({village})
            Pemilik tercatat: {owner}; HP di data: {recordPhone ?? "-"}
            Yang mengaku pemilik: {who}, HP {phone}; menjawab nama {given}, NIK {nik}
            Pastikan dulu (mis. telepon pemilik) sebelum menyetujui.
            """,
            $"""
            🔎 Ownership claim ({waiting} waiting)
            *{record.RegistrationNumber}* — {record.BusinessName} ({village})
            Recorded owner: {ownerEn}; phone on record: {recordPhone ?? "-"}
            Claimant: {who}, phone {phoneEn}; answered name {given}, NIK {nik}
            Check first (e.g. call the owner) before approving.
            """);
    }
}
