using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Records.Rules;
using PLKumkm.Bot.Storage;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Records;

/// <summary>
/// The one way records enter the single database through EF: the same owner NIK with the same normalised business
/// name is the same business (a cooperative: the same legal entity number, or without one the same name in the same
/// village), so a repeat updates it instead of counting it twice. Every write adds a version to the record's history.
/// </summary>
/// <remarks>
/// What is decided — who may write (<see cref="RecordAccess"/>), the values, flags and notes (<see cref="RecordRules"/>)
/// — is shared with the bulk <c>records import</c>, which only finds matches and writes rows its own, faster way; a
/// differential test holds the two to the same records, versions, flags, refusals and counts.
/// </remarks>
internal sealed class RecordWriter(BotDbContext db, TimeProvider clock)
{
    private readonly StoredMatches _stored = new(db);

    /// <param name="skipUnchanged">
    /// When the business is found again and no stored value would change (the rules applied), leave it as it was and
    /// write no version (<see cref="SavedRecord.Unchanged"/>): re-running an import adds nothing.
    /// </param>
    public async Task<SavedRecord> SaveUmkmAsync(IReadOnlyDictionary<string, string> answers, Submitter submitter, CancellationToken ct,
        bool skipUnchanged = false)
    {
        var now = clock.GetUtcNow();
        var existing = await _stored.SameBusinessAsync(answers.GetValueOrDefault("nik"), BusinessName.Normalize(answers.GetValueOrDefault("nama_usaha") ?? ""), ct);
        var verdict = RecordAccess.Decide(submitter, existing, RecordRules.RegencyOf(answers));
        if (!RecordAccess.Allows(verdict))
        {
            return new SavedRecord(null, false, await RefuseAsync(verdict, existing, answers, submitter, now, ct));
        }

        var before = existing is null ? null : RecordSnapshots.Take(existing);
        var record = existing ?? RecordRules.NewUmkm(answers, submitter, now);
        if (existing is null)
        {
            record.RegistrationNumber = await RegistrationNumbers.NextAsync(db, RecordKind.Umkm, record.KodeKabupaten, ct);
            db.UmkmRecords.Add(record);
        }
        else
        {
            RecordRules.Update(existing, answers, verdict, submitter, now);
        }

        var note = RecordRules.FlagUmkm(record, await _stored.ForAsync(record, ct));
        return await WriteAsync(record, before, note, submitter, now, skipUnchanged, ct)
            ? new SavedRecord(record, existing is not null)
            : new SavedRecord(record, false, Unchanged: true);
    }

    /// <param name="skipUnchanged">As for <see cref="SaveUmkmAsync"/> (<see cref="SavedKoperasi.Unchanged"/>).</param>
    public async Task<SavedKoperasi> SaveKoperasiAsync(IReadOnlyDictionary<string, string> answers, Submitter submitter, CancellationToken ct,
        bool skipUnchanged = false)
    {
        var now = clock.GetUtcNow();
        var (existing, sameNameOtherNumber) = await _stored.SameKoperasiAsync(answers, ct);
        var verdict = RecordAccess.Decide(submitter, existing, RecordRules.RegencyOf(answers));
        if (!RecordAccess.Allows(verdict))
        {
            return new SavedKoperasi(null, false, Refused: await RefuseAsync(verdict, existing, answers, submitter, now, ct));
        }

        var before = existing is null ? null : RecordSnapshots.Take(existing);
        var record = existing ?? RecordRules.NewKoperasi(answers, submitter, now);
        if (existing is null)
        {
            record.RegistrationNumber = await RegistrationNumbers.NextAsync(db, RecordKind.Koperasi, record.KodeKabupaten, ct);
            db.KoperasiRecords.Add(record);
        }
        else
        {
            RecordRules.Update(existing, answers, verdict, submitter, now);
        }

        var note = RecordRules.FlagKoperasi(record, await _stored.ForAsync(record, sameNameOtherNumber, ct));
        return await WriteAsync(record, before, note, submitter, now, skipUnchanged, ct)
            ? new SavedKoperasi(record, existing is not null)
            : new SavedKoperasi(record, false, Unchanged: true);
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

        var verdict = RecordAccess.Decide(submitter, record, RecordRules.RegencyOf(answers));
        if (verdict is not WriteVerdict.Update)
        {
            // A correction never claims or links: it is for a record already the writer's.
            return new CorrectionResult(null, new WriteRefusal(verdict == WriteVerdict.LinkOwner ? WriteVerdict.Claim : verdict, record.KodeKabupaten));
        }

        var before = RecordSnapshots.Take(record);
        RecordRules.Update(record, answers, verdict, submitter, now);
        var note = record switch
        {
            UmkmRecord umkm => RecordRules.FlagUmkm(umkm, await _stored.ForAsync(umkm, ct)),
            KoperasiRecord koperasi => RecordRules.FlagKoperasi(koperasi, await _stored.ForAsync(koperasi, null, ct)),
            _ => null,
        };
        await WriteAsync(record, before, note, submitter, now, skipUnchanged: false, ct);
        return new CorrectionResult(record);
    }

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

        return new WriteRefusal(verdict, existing?.KodeKabupaten ?? RecordRules.RegencyOf(answers));
    }

    /// <summary>
    /// Stamps a changed record and adds the write to its version history; false (nothing written) when
    /// <paramref name="skipUnchanged"/> and no stored value of the record found again differs.
    /// </summary>
    private async Task<bool> WriteAsync(IRegisteredRecord record, IReadOnlyDictionary<string, string?>? before, string? note, Submitter submitter,
        DateTimeOffset now, bool skipUnchanged, CancellationToken ct)
    {
        if (before is not null)
        {
            var entry = db.Entry(record);
            entry.DetectChanges();
            if (skipUnchanged && entry.State == EntityState.Unchanged)
            {
                return false;
            }

            record.UpdatedAt = now;
        }

        await RecordHistory.AddAsync(db, record, before, submitter.PersonId, submitter.Source, note, now, ct);
        return true;
    }
}
