using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Regions;
using PLKumkm.Bot.Storage;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Records;

/// <summary>A write refused by <see cref="RecordAccess"/>: nothing was changed. <see cref="Regency"/> is where the
/// matched record is registered (or where the new one would have been), for the reply.</summary>
internal sealed record WriteRefusal(WriteVerdict Verdict, string Regency);

/// <param name="Record">The record written; null when <see cref="Refused"/>.</param>
internal sealed record SavedRecord(UmkmRecord? Record, bool Updated, WriteRefusal? Refused = null)
{
    [MemberNotNullWhen(false, nameof(Record))]
    public bool IsRefused => Record is null;
}

/// <param name="Unchanged">Found again with every value as stored: nothing was written (imports only, see <see cref="RecordWriter.SaveKoperasiAsync"/>).</param>
internal sealed record SavedKoperasi(KoperasiRecord? Record, bool Updated, bool Unchanged = false, WriteRefusal? Refused = null)
{
    [MemberNotNullWhen(false, nameof(Record))]
    public bool IsRefused => Record is null;
}

/// <summary>A correction's outcome: the record changed, or why nothing was (null record: there is none to change).</summary>
internal sealed record CorrectionResult(IRegisteredRecord? Record, WriteRefusal? Refused = null);

/// <summary>
/// The one way records enter the single database: the same owner NIK with the same normalised business
/// name is the same business (a cooperative: the same legal entity number, or without one the same name in
/// the same village), so a repeat updates it instead of counting it twice. Every write adds a version to the
/// record's history.
/// </summary>
/// <remarks>
/// Note for the fast <c>records import</c> path, the one writer that may bypass this class for speed: it must
/// reproduce the same rules — match on (<c>Nik</c>, <c>NamaUsahaNormal</c>) / (<c>NoBadanHukumNormal</c>) or
/// (<c>KodeDesa</c>, <c>NamaKoperasiNormal</c>) among non-withdrawn records (normalised with <see cref="BusinessName"/>
/// and <see cref="LegalEntityNumber"/>); keep <c>waktu_kirim</c> from the file; flag as <see cref="RecordFlags"/> and
/// <see cref="ApplySingleDatabaseRulesAsync"/> do (NIB held by an earlier record, same phone with a similar name); write
/// one <see cref="RecordVersion"/> per created or updated record (source <c>impor</c>); and read CSV cells through
/// <c>Exports.CsvFormulaGuard.Unguard</c> so an export imports back unchanged.
/// </remarks>
internal sealed class RecordWriter(BotDbContext db, TimeProvider clock)
{
    public async Task<SavedRecord> SaveUmkmAsync(IReadOnlyDictionary<string, string> answers, Submitter submitter, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var nik = answers.GetValueOrDefault("nik");
        var normalName = BusinessName.Normalize(answers.GetValueOrDefault("nama_usaha") ?? "");
        UmkmRecord? existing = null;
        if (!string.IsNullOrEmpty(nik))
        {
            existing = await db.UmkmRecords.FirstOrDefaultAsync(
                r => r.Nik == nik && r.NamaUsahaNormal == normalName && r.Status != RecordStatus.Withdrawn, ct);
        }

        var verdict = RecordAccess.Decide(submitter, existing, RegencyOf(answers));
        if (!RecordAccess.Allows(verdict))
        {
            return new SavedRecord(null, false, await RefuseAsync(verdict, existing, answers, submitter, now, ct));
        }

        var before = existing is null ? null : RecordSnapshots.Take(existing);
        var record = existing ?? new UmkmRecord { CreatedAt = now };
        UmkmFields.Apply(record, answers);
        record.UpdatedAt = now;
        SetSubmissionTime(record, answers, existing is null, now);
        if (existing is null)
        {
            record.Sumber = submitter.Source;
            record.Enumerator = submitter.EnumeratorId;
            record.SubmittedByPersonId = submitter.PersonId;
            record.OwnerPersonId = submitter.OwnerPersonId;
            record.RegistrationNumber = await RegistrationNumbers.NextAsync(db, RecordKind.Umkm, record.KodeKabupaten, ct);
            db.UmkmRecords.Add(record);
        }
        else if (verdict == WriteVerdict.LinkOwner)
        {
            record.OwnerPersonId = submitter.OwnerPersonId;
        }

        if (record.Skala == SizeClass.Besar)
        {
            record.Status = RecordStatus.Flagged;
            record.FlagReason = "skala besar: di luar cakupan UMKM";
        }

        await RecordFlags.ApplyAsync(db, record, ct);
        await ApplySingleDatabaseRulesAsync(record, before, submitter, now, ct);
        return new SavedRecord(record, existing is not null);
    }

    /// <param name="skipUnchanged">
    /// When the cooperative is found again with every value as stored, leave it as it was and write no version
    /// (<see cref="SavedKoperasi.Unchanged"/>): re-running an import adds nothing.
    /// </param>
    public async Task<SavedKoperasi> SaveKoperasiAsync(IReadOnlyDictionary<string, string> answers, Submitter submitter, CancellationToken ct,
        bool skipUnchanged = false)
    {
        var now = clock.GetUtcNow();
        var (existing, sameNameOtherNumber) = await FindSameKoperasiAsync(answers, ct);
        var verdict = RecordAccess.Decide(submitter, existing, RegencyOf(answers));
        if (!RecordAccess.Allows(verdict))
        {
            return new SavedKoperasi(null, false, Refused: await RefuseAsync(verdict, existing, answers, submitter, now, ct));
        }

        var before = existing is null ? null : RecordSnapshots.Take(existing);
        var (updatedAt, sentAt) = existing is null ? (now, now) : (existing.UpdatedAt, existing.WaktuKirim);
        var record = existing ?? new KoperasiRecord { CreatedAt = now };
        KoperasiFields.Apply(record, answers);
        record.UpdatedAt = now;
        SetSubmissionTime(record, answers, existing is null, now);
        if (skipUnchanged && existing is not null && SameValues(before!, existing, sentAt))
        {
            existing.UpdatedAt = updatedAt;
            existing.WaktuKirim = sentAt;
            return new SavedKoperasi(existing, Updated: false, Unchanged: true);
        }
        if (existing is null)
        {
            record.Sumber = submitter.Source;
            record.Enumerator = submitter.EnumeratorId;
            record.SubmittedByPersonId = submitter.PersonId;
            record.OwnerPersonId = submitter.OwnerPersonId;
            record.RegistrationNumber = await RegistrationNumbers.NextAsync(db, RecordKind.Koperasi, record.KodeKabupaten, ct);
            db.KoperasiRecords.Add(record);
        }
        else if (verdict == WriteVerdict.LinkOwner)
        {
            record.OwnerPersonId = submitter.OwnerPersonId;
        }

        // A cooperative a coordinator approved keeps its name: the other record was looked at.
        if (sameNameOtherNumber is not null && !await IsApprovedAsync(record, ct))
        {
            Flag(record, $"nama dan desa sama dengan {sameNameOtherNumber}, nomor badan hukum berbeda");
        }

        await ApplySingleDatabaseRulesAsync(record, before, submitter, now, ct);
        return new SavedKoperasi(record, existing is not null);
    }

    /// <summary>
    /// A correction of one known record (the owner's <c>/ubah</c>): the answers replace its values (an empty
    /// value clears a field) and the change becomes a new version. Null when there is no such record to change.
    /// </summary>
    public async Task<CorrectionResult> UpdateAsync(
        RecordKind kind, string registrationNumber, IReadOnlyDictionary<string, string> answers, Submitter submitter, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        IRegisteredRecord? record = kind == RecordKind.Koperasi
            ? await db.KoperasiRecords.FirstOrDefaultAsync(r => r.RegistrationNumber == registrationNumber, ct)
            : await db.UmkmRecords.FirstOrDefaultAsync(r => r.RegistrationNumber == registrationNumber, ct);
        if (record is null || record.Status == RecordStatus.Withdrawn)
        {
            return new CorrectionResult(null);
        }

        var verdict = RecordAccess.Decide(submitter, record, RegencyOf(answers));
        if (verdict is not WriteVerdict.Update)
        {
            // A correction never claims or links: it is for a record already the writer's.
            return new CorrectionResult(null, new WriteRefusal(verdict == WriteVerdict.LinkOwner ? WriteVerdict.Claim : verdict, record.KodeKabupaten));
        }

        var before = RecordSnapshots.Take(record);
        switch (record)
        {
            case UmkmRecord umkm:
                UmkmFields.Apply(umkm, answers);
                await RecordFlags.ApplyAsync(db, umkm, ct);
                break;
            case KoperasiRecord koperasi:
                KoperasiFields.Apply(koperasi, answers);
                break;
        }

        record.UpdatedAt = now;
        await ApplySingleDatabaseRulesAsync(record, before, submitter, now, ct);
        return new CorrectionResult(record);
    }

    private static string RegencyOf(IReadOnlyDictionary<string, string> answers) =>
        answers.GetValueOrDefault("kode_desa") is { Length: > 0 } village && RegionCodes.TryNormalize(village, out var code)
            ? RegionCodes.RegencyCode(code) ?? ""
            : "";

    /// <summary>
    /// Nothing of the matched record changes. A claim is kept for the record's coordinators with the claimant's
    /// answers (one open claim per claimant and record: a repeat replaces the answers).
    /// </summary>
    private async Task<WriteRefusal> RefuseAsync(WriteVerdict verdict, IRegisteredRecord? existing,
        IReadOnlyDictionary<string, string> answers, Submitter submitter, DateTimeOffset now, CancellationToken ct)
    {
        if (verdict == WriteVerdict.Claim && existing is not null && submitter.OwnerPersonId is { } claimant)
        {
            var (kind, id) = (existing.Kind, existing.Id);
            var claim = await db.RecordClaims.FirstOrDefaultAsync(
                c => c.Kind == kind && c.RecordId == id && c.ClaimantPersonId == claimant && c.Status == ClaimStatus.Open, ct);
            if (claim is null)
            {
                claim = new RecordClaim { Kind = kind, RecordId = id, KodeKabupaten = existing.KodeKabupaten, ClaimantPersonId = claimant, CreatedAt = now };
                db.RecordClaims.Add(claim);
            }

            claim.AnswersJson = JsonSerializer.Serialize(answers);
        }

        return new WriteRefusal(verdict, existing?.KodeKabupaten ?? RegencyOf(answers));
    }

    // ---- Single-database rules (issue 5) ---------------------------------------------------------

    /// <summary>
    /// After a record's values are set: a NIB belongs to one business (another business with it → flagged),
    /// the same phone with a similar name under another owner is a likely duplicate (flagged, counted once
    /// until a coordinator decides), and the write is added to the record's version history.
    /// </summary>
    private async Task ApplySingleDatabaseRulesAsync(
        IRegisteredRecord record, IReadOnlyDictionary<string, string?>? before, Submitter submitter, DateTimeOffset now, CancellationToken ct)
    {
        var notes = new List<string>();
        // A coordinator's approval stands (RecordFlags does the same for its own reasons).
        var approved = await IsApprovedAsync(record, ct);
        if (!approved && await NibHolderAsync(record, ct) is { } nibHolder
            && Named(record, nibHolder) is var holder && Flag(record, $"NIB sudah dipakai {holder}"))
        {
            notes.Add($"ditandai: NIB sudah dipakai {holder}");
        }

        // The same pair already flagged by name and village (RecordFlags) needs no second reason.
        if (!approved && await SamePhoneSimilarNameAsync(record, ct) is { } similar && Named(record, similar) is var twin
            && record.FlagReason?.Contains($"kemungkinan duplikat dari {twin}", StringComparison.Ordinal) != true
            && Flag(record, $"kemungkinan duplikat dari {twin} (HP sama, nama mirip)"))
        {
            notes.Add($"ditandai: kemungkinan duplikat dari {twin}");
        }

        await RecordHistory.AddAsync(db, record, before, submitter.PersonId, submitter.Source,
            notes.Count == 0 ? null : string.Join("; ", notes), now, ct);
    }

    /// <summary>
    /// How a flag reason refers to another record: by its number when it is in the same regency (the coordinators and
    /// enumerators who read the reason work there), otherwise only by its regency, so nobody is shown a record
    /// outside their region.
    /// </summary>
    private static string Named(IRegisteredRecord record, (string Number, string Regency) other) =>
        other.Regency == record.KodeKabupaten ? other.Number : $"usaha lain di kabupaten/kota {other.Regency}";

    // waktu_kirim is compared as an instant: a file states it in local time, the database holds it in UTC.
    private static bool SameValues(IReadOnlyDictionary<string, string?> before, KoperasiRecord record, DateTimeOffset sentAt) =>
        record.WaktuKirim == sentAt
        && RecordSnapshots.Take(record).All(f => f.Key == "waktu_kirim" || string.Equals(before.GetValueOrDefault(f.Key), f.Value, StringComparison.Ordinal));

    /// <summary>A coordinator approved this record (of its own kind: a UMKM and a cooperative may share an id).</summary>
    private async Task<bool> IsApprovedAsync(IRegisteredRecord record, CancellationToken ct)
    {
        var (kind, id) = (record.Kind, record.Id);
        return id != 0 && await db.ReviewDecisions.AnyAsync(
            d => d.Kind == kind && d.RecordId == id && d.Decision == ReviewOutcome.Approved, ct);
    }

    /// <summary>Marks a record for review; true when the reason is new. Decided records (duplicate, rejected, withdrawn) stay as they are.</summary>
    internal static bool Flag(IRegisteredRecord record, string reason)
    {
        if (record.Status is not (RecordStatus.Active or RecordStatus.Flagged))
        {
            return false;
        }

        if (record.FlagReason?.Contains(reason, StringComparison.Ordinal) == true)
        {
            return false;
        }

        record.Status = RecordStatus.Flagged;
        record.FlagReason = string.IsNullOrEmpty(record.FlagReason) ? reason : $"{record.FlagReason}; {reason}";
        return true;
    }

    /// <summary>
    /// The record that had this NIB first (created earlier; a UMKM before a cooperative created at the same
    /// instant), when it is another one: the NIB is theirs, so this record is the one to review.
    /// </summary>
    private async Task<(string Number, string Regency)?> NibHolderAsync(IRegisteredRecord record, CancellationToken ct)
    {
        var nib = record switch
        {
            UmkmRecord u => u.Nib,
            KoperasiRecord k => k.Nib,
            _ => null,
        };
        if (string.IsNullOrEmpty(nib))
        {
            return null;
        }

        var isNew = record.Id == 0;
        var created = record.CreatedAt;
        if (record is UmkmRecord)
        {
            var self = record.Id;
            return (await db.UmkmRecords
                       .Where(r => r.Nib == nib && r.Id != self && r.Status != RecordStatus.Withdrawn
                                   && (isNew || r.CreatedAt < created || (r.CreatedAt == created && r.Id < self)))
                       .OrderBy(r => r.Id).Select(r => new NumberAndRegency(r.RegistrationNumber, r.KodeKabupaten)).FirstOrDefaultAsync(ct)
                   ?? await db.KoperasiRecords
                       .Where(r => r.Nib == nib && r.Status != RecordStatus.Withdrawn && (isNew || r.CreatedAt < created))
                       .OrderBy(r => r.Id).Select(r => new NumberAndRegency(r.RegistrationNumber, r.KodeKabupaten)).FirstOrDefaultAsync(ct))?.Pair;
        }
        else
        {
            var self = record.Id;
            return (await db.UmkmRecords
                       .Where(r => r.Nib == nib && r.Status != RecordStatus.Withdrawn && (isNew || r.CreatedAt <= created))
                       .OrderBy(r => r.Id).Select(r => new NumberAndRegency(r.RegistrationNumber, r.KodeKabupaten)).FirstOrDefaultAsync(ct)
                   ?? await db.KoperasiRecords
                       .Where(r => r.Nib == nib && r.Id != self && r.Status != RecordStatus.Withdrawn
                                   && (isNew || r.CreatedAt < created || (r.CreatedAt == created && r.Id < self)))
                       .OrderBy(r => r.Id).Select(r => new NumberAndRegency(r.RegistrationNumber, r.KodeKabupaten)).FirstOrDefaultAsync(ct))?.Pair;
        }
    }

    private sealed record NumberAndRegency(string Number, string Regency)
    {
        public (string Number, string Regency) Pair => (Number, Regency);
    }

    /// <summary>Another owner's counted record with the same phone number and a similar name (index on phone).</summary>
    private async Task<(string Number, string Regency)?> SamePhoneSimilarNameAsync(IRegisteredRecord record, CancellationToken ct)
    {
        const int MaxCandidates = 50;
        switch (record)
        {
            case UmkmRecord { Hp: { Length: > 0 } hp } u:
                var umkm = await db.UmkmRecords
                    .Where(r => r.Hp == hp && r.Id != u.Id && (r.Status == RecordStatus.Active || r.Status == RecordStatus.Flagged))
                    .Select(r => new { r.RegistrationNumber, r.KodeKabupaten, r.Nik, r.NamaUsahaNormal })
                    .Take(MaxCandidates).ToListAsync(ct);
                return umkm.Where(c => c.Nik != u.Nik && BusinessName.AreSimilar(c.NamaUsahaNormal, u.NamaUsahaNormal))
                    .Select(c => ((string, string)?)(c.RegistrationNumber, c.KodeKabupaten)).FirstOrDefault();
            case KoperasiRecord { Hp: { Length: > 0 } hp } k:
                var koperasi = await db.KoperasiRecords
                    .Where(r => r.Hp == hp && r.Id != k.Id && (r.Status == RecordStatus.Active || r.Status == RecordStatus.Flagged))
                    .Select(r => new { r.RegistrationNumber, r.KodeKabupaten, r.NamaKoperasiNormal })
                    .Take(MaxCandidates).ToListAsync(ct);
                return koperasi.Where(c => BusinessName.AreSimilar(c.NamaKoperasiNormal, k.NamaKoperasiNormal))
                    .Select(c => ((string, string)?)(c.RegistrationNumber, c.KodeKabupaten)).FirstOrDefault();
            default:
                return null;
        }
    }

    /// <summary>
    /// The same cooperative: the same legal entity number; without one on either side, the same normalised
    /// name in the same village. The same name and village under a different number is another cooperative,
    /// returned as <c>SameNameOtherNumber</c> to be reviewed.
    /// </summary>
    private async Task<(KoperasiRecord? Existing, string? SameNameOtherNumber)> FindSameKoperasiAsync(
        IReadOnlyDictionary<string, string> answers, CancellationToken ct)
    {
        var number = LegalEntityNumber.Normalize(answers.GetValueOrDefault("no_badan_hukum"));
        if (number is not null)
        {
            var byNumber = await db.KoperasiRecords.FirstOrDefaultAsync(
                r => r.NoBadanHukumNormal == number && r.Status != RecordStatus.Withdrawn, ct);
            if (byNumber is not null)
            {
                return (byNumber, null);
            }
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

    /// <summary>
    /// <c>waktu_kirim</c> is when a record was first submitted (progress counts it on that day); a repeat or
    /// a correction does not move it, unless the source states it (an import of an earlier export).
    /// </summary>
    private static void SetSubmissionTime(ICountedRecord record, IReadOnlyDictionary<string, string> answers, bool isNew, DateTimeOffset now)
    {
        var at = answers.TryGetValue("waktu_kirim", out var sent) && DateTimeOffset.TryParse(sent, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var given) ? given : (DateTimeOffset?)null;
        if (at is null && !isNew)
        {
            return;
        }

        switch (record)
        {
            case UmkmRecord u:
                u.WaktuKirim = at ?? now;
                break;
            case KoperasiRecord k:
                k.WaktuKirim = at ?? now;
                break;
        }
    }
}
