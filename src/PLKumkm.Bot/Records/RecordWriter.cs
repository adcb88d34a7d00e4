using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Conversations.Definition;
using PLKumkm.Bot.Storage;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Records;

/// <summary>Who is sending a record and how; every path that writes a record says so.</summary>
internal sealed record Submitter(long? PersonId, string Source, string? EnumeratorId, long? OwnerPersonId);

internal sealed record SavedRecord(UmkmRecord Record, bool Updated);

/// <summary>
/// The one way records enter the single database: the same owner NIK with the same normalised business
/// name is the same business, so a repeat updates it instead of counting it twice.
/// </summary>
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

        var record = existing ?? new UmkmRecord { CreatedAt = now };
        UmkmFields.Apply(record, answers);
        record.UpdatedAt = now;
        record.WaktuKirim = answers.TryGetValue("waktu_kirim", out var sent) && DateTimeOffset.TryParse(sent, out var at) ? at : now;
        if (existing is null)
        {
            record.Sumber = submitter.Source;
            record.Enumerator = submitter.EnumeratorId;
            record.SubmittedByPersonId = submitter.PersonId;
            record.OwnerPersonId = submitter.OwnerPersonId;
            record.RegistrationNumber = await RegistrationNumbers.NextAsync(db, RecordKind.Umkm, record.KodeKabupaten, ct);
            db.UmkmRecords.Add(record);
        }
        else
        {
            record.OwnerPersonId ??= submitter.OwnerPersonId;
        }

        LargeBusinessFlag.Apply(record);

        return new SavedRecord(record, existing is not null);
    }
}
