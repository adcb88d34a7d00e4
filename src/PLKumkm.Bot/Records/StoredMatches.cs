using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Records.Rules;
using PLKumkm.Bot.Storage;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Records;

/// <summary>
/// <see cref="RecordWriter"/>'s way of finding what matches a record (EF queries on the database, so any provider):
/// the same business, and the <see cref="UmkmMatches"/> and <see cref="KoperasiMatches"/> its rules decide from.
/// Withdrawn records match nothing. NIKs and phones are stored encrypted: they are matched by their keyed hashes.
/// </summary>
internal sealed class StoredMatches(BotDbContext db)
{
    // Compiled once per model, so their LINQ is not translated again for every quick entry and submission: these
    // lookups were about 730 of a quick entry's 2,110 µs under the writer (8 December, `load`).
    private static readonly CompiledQuery<Func<BotDbContext, string, string, CancellationToken, Task<UmkmRecord?>>> SameBusiness = new(() =>
        EF.CompileAsyncQuery((BotDbContext db, string nikHash, string normalName, CancellationToken ct) =>
            db.UmkmRecords.FirstOrDefault(r => r.NikHash == nikHash && r.NamaUsahaNormal == normalName && r.Status != RecordStatus.Withdrawn)));

    private static readonly CompiledQuery<Func<BotDbContext, long, string?, string, string, CancellationToken, Task<string?>>> SameNameInVillage = new(() =>
        EF.CompileAsyncQuery((BotDbContext db, long id, string? nikHash, string village, string name, CancellationToken ct) =>
            db.UmkmRecords
                .Where(r => r.KodeDesa == village && r.NamaUsahaNormal == name && (id == 0 || r.Id < id) && r.NikHash != nikHash
                    && (r.Status == RecordStatus.Active || r.Status == RecordStatus.Flagged))
                .OrderBy(r => r.Id).Select(r => r.RegistrationNumber).FirstOrDefault()));

    private static readonly CompiledQuery<Func<BotDbContext, string, bool, long, bool, DateTimeOffset, CancellationToken, Task<Holder?>>> UmkmNibHolder = new(() =>
        EF.CompileAsyncQuery((BotDbContext db, string nib, bool isUmkm, long self, bool isNew, DateTimeOffset created, CancellationToken ct) =>
            db.UmkmRecords
                .Where(r => r.Nib == nib && (!isUmkm || r.Id != self) && r.Status != RecordStatus.Withdrawn
                            && (isNew || r.CreatedAt < created || (r.CreatedAt == created && (!isUmkm || r.Id < self))))
                .OrderBy(r => r.Id).Select(r => new Holder(r.RegistrationNumber, r.KodeKabupaten)).FirstOrDefault()));

    private static readonly CompiledQuery<Func<BotDbContext, string, bool, long, bool, DateTimeOffset, CancellationToken, Task<Holder?>>> KoperasiNibHolder = new(() =>
        EF.CompileAsyncQuery((BotDbContext db, string nib, bool isUmkm, long self, bool isNew, DateTimeOffset created, CancellationToken ct) =>
            db.KoperasiRecords
                .Where(r => r.Nib == nib && (isUmkm || r.Id != self) && r.Status != RecordStatus.Withdrawn
                            && (isNew || r.CreatedAt < created || (!isUmkm && r.CreatedAt == created && r.Id < self)))
                .OrderBy(r => r.Id).Select(r => new Holder(r.RegistrationNumber, r.KodeKabupaten)).FirstOrDefault()));

    private static readonly CompiledQuery<Func<BotDbContext, string, long, IAsyncEnumerable<PhoneCandidate>>> UmkmSamePhone = new(() =>
        EF.CompileAsyncQuery((BotDbContext db, string hpHash, long self) =>
            db.UmkmRecords
                .Where(r => r.HpHash == hpHash && r.Id != self && (r.Status == RecordStatus.Active || r.Status == RecordStatus.Flagged))
                .Select(r => new PhoneCandidate(r.RegistrationNumber, r.KodeKabupaten, r.NikHash, r.NamaUsahaNormal))
                .Take(RecordRules.MaxPhoneCandidates)));

    private static readonly CompiledQuery<Func<BotDbContext, string, long, IAsyncEnumerable<PhoneCandidate>>> KoperasiSamePhone = new(() =>
        EF.CompileAsyncQuery((BotDbContext db, string hpHash, long self) =>
            db.KoperasiRecords
                .Where(r => r.HpHash == hpHash && r.Id != self && (r.Status == RecordStatus.Active || r.Status == RecordStatus.Flagged))
                .Select(r => new PhoneCandidate(r.RegistrationNumber, r.KodeKabupaten, null, r.NamaKoperasiNormal))
                .Take(RecordRules.MaxPhoneCandidates)));

    /// <summary>The same business: the same owner NIK with the same normalised business name.</summary>
    public async Task<UmkmRecord?> SameBusinessAsync(string? nik, string normalName, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(nik))
        {
            return null;
        }

        return await SameBusiness.For(db)(db, db.Protection.Hash(nik), normalName, ct);
    }

    /// <summary>
    /// The same cooperative: the same legal entity number; without one on either side, the same normalised
    /// name in the same village. The same name and village under a different number is another cooperative,
    /// returned as <c>SameNameOtherNumber</c> to be reviewed.
    /// </summary>
    public async Task<(KoperasiRecord? Existing, string? SameNameOtherNumber)> SameKoperasiAsync(
        IReadOnlyDictionary<string, string> answers, CancellationToken ct)
    {
        var number = LegalEntityNumber.Normalize(answers.GetValueOrDefault("no_badan_hukum"));
        if (number is not null
            && await db.KoperasiRecords.FirstOrDefaultAsync(r => r.NoBadanHukumNormal == number && r.Status != RecordStatus.Withdrawn, ct) is { } byNumber)
        {
            return (byNumber, null);
        }

        var name = BusinessName.Normalize(answers.GetValueOrDefault("nama_koperasi") ?? "");
        var village = answers.GetValueOrDefault("kode_desa") ?? "";
        if (name.Length == 0 || village.Length == 0)
        {
            return (null, null);
        }

        var sameName = await db.KoperasiRecords
            .Where(r => r.KodeDesa == village && r.NamaKoperasiNormal == name && r.Status != RecordStatus.Withdrawn)
            .OrderBy(r => r.Id).Take(10).ToListAsync(ct);
        var match = sameName.FirstOrDefault(r => number is null || r.NoBadanHukumNormal is null);
        return match is not null ? (match, null) : (null, sameName.FirstOrDefault()?.RegistrationNumber);
    }

    public async Task<UmkmMatches> ForAsync(UmkmRecord record, CancellationToken ct)
    {
        if (!RecordRules.IsUndecided(record))
        {
            return UmkmMatches.None;
        }

        var approved = await IsApprovedAsync(record, ct);
        var sameName = await SameNameInVillageAsync(record, ct);
        return approved
            ? new UmkmMatches(true, sameName, null, null)
            : new UmkmMatches(false, sameName, await NibHolderAsync(record, ct), await SamePhoneSimilarNameAsync(record, ct));
    }

    public async Task<KoperasiMatches> ForAsync(KoperasiRecord record, string? sameNameOtherNumber, CancellationToken ct) =>
        await IsApprovedAsync(record, ct)
            ? new KoperasiMatches(true, sameNameOtherNumber, null, null)
            : new KoperasiMatches(false, sameNameOtherNumber, await NibHolderAsync(record, ct), await SamePhoneSimilarNameAsync(record, ct));

    /// <summary>A coordinator approved this record (of its own kind: a UMKM and a cooperative may share an id).</summary>
    private async Task<bool> IsApprovedAsync(IRegisteredRecord record, CancellationToken ct)
    {
        var (kind, id) = (record.Kind, record.Id);
        return id != 0 && await db.ReviewDecisions.AnyAsync(d => d.Kind == kind && d.RecordId == id && d.Decision == ReviewOutcome.Approved, ct);
    }

    private async Task<string?> SameNameInVillageAsync(UmkmRecord record, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(record.KodeDesa) || string.IsNullOrEmpty(record.NamaUsahaNormal))
        {
            return null;
        }

        // Only older records: the first one recorded is the original, never flagged because of a later copy.
        return await SameNameInVillage.For(db)(db, record.Id, db.Protection.HashOrNull(record.Nik), record.KodeDesa, record.NamaUsahaNormal, ct);
    }

    /// <summary>
    /// The record that had this NIB first (created earlier; a UMKM before a cooperative created at the same
    /// instant), when it is another one: the NIB is theirs, so this record is the one to review.
    /// </summary>
    private async Task<OtherRecord?> NibHolderAsync(IRegisteredRecord record, CancellationToken ct)
    {
        var nib = record is UmkmRecord u ? u.Nib : ((KoperasiRecord)record).Nib;
        if (string.IsNullOrEmpty(nib))
        {
            return null;
        }

        var (isNew, self, created, isUmkm) = (record.Id == 0, record.Id, record.CreatedAt, record is UmkmRecord);
        var holder = await UmkmNibHolder.For(db)(db, nib, isUmkm, self, isNew, created, ct)
                     ?? await KoperasiNibHolder.For(db)(db, nib, isUmkm, self, isNew, created, ct);
        return holder is null ? null : new OtherRecord(holder.Number, holder.Regency);
    }

    /// <summary>Another owner's counted record with the same phone number and a similar name (index on phone).</summary>
    private async Task<OtherRecord?> SamePhoneSimilarNameAsync(IRegisteredRecord record, CancellationToken ct)
    {
        switch (record)
        {
            case UmkmRecord { Hp: { Length: > 0 } hp } u:
                var (umkmHp, ownNik) = (db.Protection.Hash(hp), db.Protection.HashOrNull(u.Nik));
                await foreach (var c in UmkmSamePhone.For(db)(db, umkmHp, u.Id).WithCancellation(ct))
                {
                    if (c.NikHash != ownNik && BusinessName.AreSimilar(c.Name, u.NamaUsahaNormal))
                    {
                        return new OtherRecord(c.Number, c.Regency);
                    }
                }

                return null;
            case KoperasiRecord { Hp: { Length: > 0 } hp } k:
                var koperasiHp = db.Protection.Hash(hp);
                await foreach (var c in KoperasiSamePhone.For(db)(db, koperasiHp, k.Id).WithCancellation(ct))
                {
                    if (BusinessName.AreSimilar(c.Name, k.NamaKoperasiNormal))
                    {
                        return new OtherRecord(c.Number, c.Regency);
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private sealed record Holder(string Number, string Regency);

    private sealed record PhoneCandidate(string Number, string Regency, string? NikHash, string Name);
}
