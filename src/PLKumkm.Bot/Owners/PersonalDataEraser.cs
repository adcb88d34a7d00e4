using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Conversations.Handling;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Records;
using PLKumkm.Bot.Storage;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Owners;

/// <summary>
/// Withdrawal of consent (UU 27/2022): done at once, inside the update's transaction, well within the 3×24 hours
/// the law allows. Consent is marked withdrawn; the person's records lose every personal value (and so does their
/// history) and stop counting; open sessions are cancelled and every stored answer and sent reply is blanked; the
/// person's own name and phone go. What is left (region codes, sector, sizes) no longer identifies anyone.
/// </summary>
internal static class PersonalDataEraser
{
    public const string ErasedReply = "[dihapus]";

    public static async Task<IReadOnlyList<string>> EraseAsync(BotDbContext db, Person person, DateTimeOffset now, CancellationToken ct)
    {
        var withdrawn = new List<string>();
        foreach (var record in await OwnerRecords.ListAsync(db, person.Id, ct))
        {
            if (record.Status == RecordStatus.Withdrawn)
            {
                continue;
            }

            await EraseRecordAsync(db, record, person.Id, now, ct);
            withdrawn.Add(record.RegistrationNumber);
        }

        foreach (var consent in await db.Consents.Where(c => c.PersonId == person.Id && c.WithdrawnAt == null).ToListAsync(ct))
        {
            consent.WithdrawnAt = now;
        }

        await EraseSessionsAsync(db, person.Id, now, ct);
        await EraseSentRepliesAsync(db, person.Id, ct);
        // Claims on others' records hold the claimant's answers (NIK, name…): they go with the person's data.
        var personId = person.Id;
        await db.RecordClaims.Where(c => c.ClaimantPersonId == personId).ExecuteDeleteAsync(ct);
        person.Name = null;
        person.Phone = null;
        return withdrawn;
    }

    private static async Task EraseRecordAsync(BotDbContext db, IRegisteredRecord record, long personId, DateTimeOffset now, CancellationToken ct)
    {
        var personal = RecordSnapshots.Personal(record.Kind);
        var before = RecordSnapshots.Take(record);
        foreach (var field in personal.Where(f => before[f] is not null))
        {
            // The history says which fields went, never what they held.
            before[field] = RecordHistory.Erased;
        }

        var blank = personal.ToDictionary(f => f, _ => "", StringComparer.Ordinal);
        switch (record)
        {
            case UmkmRecord umkm:
                UmkmFields.Apply(umkm, blank);
                break;
            case KoperasiRecord koperasi:
                KoperasiFields.Apply(koperasi, blank);
                break;
        }

        record.Status = RecordStatus.Withdrawn;
        record.FlagReason = null;
        record.UpdatedAt = now;
        await RecordHistory.ScrubPersonalAsync(db, record.Kind, record.Id, ct);
        await RecordHistory.AddAsync(db, record, before, personId, RecordSources.Mandiri,
            "persetujuan ditarik: data pribadi dihapus, tidak dihitung lagi", now, ct);
    }

    private static async Task EraseSessionsAsync(BotDbContext db, long personId, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var row in await db.Sessions.Where(s => s.PersonId == personId).ToListAsync(ct))
        {
            try
            {
                var state = SessionStore.Read(row);
                state.Answers.Clear();
                state.Skipped.Clear();
                state.History.Clear();
                state.ClearQuestionState();
                if (!state.IsOver)
                {
                    state.Stage = Conversations.Engine.SessionStage.Cancelled;
                    state.UpdatedAt = now;
                }

                SessionStore.Write(row, state);
            }
            catch (JsonException)
            {
                row.StateJson = "{}";
                row.IsActive = false;
                row.EndedAt ??= now;
            }
        }
    }

    private static async Task EraseSentRepliesAsync(BotDbContext db, long personId, CancellationToken ct)
    {
        var addresses = await db.PersonAddresses.Where(a => a.PersonId == personId).Select(a => a.Address).ToListAsync(ct);
        var erased = OutboxPayload.Serialize(new OutboundMessage(ErasedReply));
        await db.Outbox.Where(o => addresses.Contains(o.Address) && o.SentAt != null)
            .ExecuteUpdateAsync(o => o.SetProperty(m => m.PayloadJson, erased), ct);
    }
}
