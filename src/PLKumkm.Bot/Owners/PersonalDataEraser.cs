using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Conversations.Handling;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Media;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Records;
using PLKumkm.Bot.Storage;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Owners;

/// <summary>What an erasure did at once, and what it left to the coordinators (with the law's deadline).</summary>
internal sealed record ErasureOutcome(IReadOnlyList<string> Erased, IReadOnlyList<ErasureRequest> Referred);

/// <summary>
/// Withdrawal of consent (UU 27/2022): done at once, inside the update's transaction, well within the 3×24 hours
/// the law allows. Consent is marked withdrawn (the proof stays, under the person's pseudonymous id only); the
/// person's records, and unowned ones with their proven phone, lose every personal value (and so does their history)
/// and stop counting; their sessions, their chat addresses and every message to them go; what staff chats were told
/// about those records (review cards, claim cards, export documents) is blanked, or dropped while unsent. Unowned
/// records with only their NIK go to the regency's coordinators (<see cref="ErasureRequest"/>).
/// What is left (region codes, sector, sizes) no longer identifies anyone.
/// </summary>
internal static class PersonalDataEraser
{
    public const string ErasedReply = "[dihapus]";

    private const string NikField = "nik";

    /// <param name="replyAddress">Where the outcome of a request referred to the coordinators is told.</param>
    public static async Task<ErasureOutcome> EraseAsync(BotDbContext db, Person person, string? replyAddress, DateTimeOffset now, CancellationToken ct)
    {
        var personId = person.Id;
        var owned = (await OwnerRecords.ListAsync(db, personId, ct)).Where(r => r.Status != RecordStatus.Withdrawn).ToList();
        var niks = await NiksGivenAsync(db, personId, owned, ct);
        // Person.Phone is only ever set from the platform's proof, so a match is the owner's own number.
        var unreached = person.Phone is { } phone ? await UnreachedRecords.WithPhoneAsync(db, phone, ct) : [];
        var erased = owned.Concat(unreached).ToList();
        await EraseRecordsAsync(db, erased, personId, RecordSources.Mandiri, "persetujuan ditarik: data pribadi dihapus, tidak dihitung lagi", now, ct);

        var referred = await ReferAsync(db, person, replyAddress, niks, erased, now, ct);
        foreach (var consent in await db.Consents.Where(c => c.PersonId == personId && c.WithdrawnAt == null).ToListAsync(ct))
        {
            consent.WithdrawnAt = now;
        }

        await EraseClaimCardsAsync(db, await db.RecordClaims.Where(c => c.ClaimantPersonId == personId).Select(c => c.Id).ToListAsync(ct), ct);
        await ReleaseClaimPhotosAsync(db, personId, ct);
        // Claims on others' records hold the claimant's answers (NIK, name…): they go with the person's data.
        await db.RecordClaims.Where(c => c.ClaimantPersonId == personId).ExecuteDeleteAsync(ct);

        // Tracked removals: the update that asked may have loaded (and changed) these rows already.
        var sessions = await db.Sessions.Where(s => s.PersonId == personId).ToListAsync(ct);
        ReleaseSessionPhotos(db, sessions);
        db.Sessions.RemoveRange(sessions);
        var addresses = await db.PersonAddresses.Where(a => a.PersonId == personId).ToListAsync(ct);
        var chats = addresses.Select(a => a.Address).ToList();
        // Sent and unsent alike: an answer not yet delivered is not delivered later.
        await db.Outbox.Where(o => chats.Contains(o.Address)).ExecuteDeleteAsync(ct);
        // Writing again later starts afresh, as a new person.
        db.PersonAddresses.RemoveRange(addresses);
        person.Name = null;
        person.Phone = null;
        return new ErasureOutcome(erased.Select(r => r.RegistrationNumber).ToList(), referred);
    }

    /// <summary>
    /// Blanks every personal value of <paramref name="records"/>, in their history, in others' sessions that produced
    /// them and in what staff chats were told about them; they stop counting. Also a coordinator's erasure of a record
    /// its owner could not reach.
    /// </summary>
    public static async Task EraseRecordsAsync(BotDbContext db, IReadOnlyList<IRegisteredRecord> records, long byPersonId, string source,
        string note, DateTimeOffset now, CancellationToken ct)
    {
        if (records.Count == 0)
        {
            return;
        }

        foreach (var record in records)
        {
            await EraseRecordAsync(db, record, byPersonId, source, note, now, ct);
        }

        await EraseSessionsOfAsync(db, records.Select(r => r.RegistrationNumber).ToList(), now, ct);
        await EraseMessagesAboutAsync(db, records, ct);
    }

    private static async Task EraseRecordAsync(BotDbContext db, IRegisteredRecord record, long byPersonId, string source, string note,
        DateTimeOffset now, CancellationToken ct)
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
                if (umkm.Foto is { } photo)
                {
                    db.ReleasedMedia.Add(photo);
                }

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
        await RecordHistory.AddAsync(db, record, before, byPersonId, source, note, now, ct);
    }

    /// <summary>The NIKs the person gave: in their records, their forms (even unfinished) and their claims.</summary>
    private static async Task<HashSet<string>> NiksGivenAsync(BotDbContext db, long personId, IEnumerable<IRegisteredRecord> owned, CancellationToken ct)
    {
        var niks = owned.OfType<UmkmRecord>().Select(r => r.Nik).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var row in await db.Sessions.Where(s => s.PersonId == personId).ToListAsync(ct))
        {
            try
            {
                if (SessionStore.Read(row).Answers.GetValueOrDefault(NikField) is { Length: > 0 } nik)
                {
                    niks.Add(nik);
                }
            }
            catch (JsonException)
            {
                // An unreadable form gives nothing to match; it is deleted with the rest.
            }
        }

        foreach (var json in await db.RecordClaims.Where(c => c.ClaimantPersonId == personId && c.AnswersJson != null).Select(c => c.AnswersJson!).ToListAsync(ct))
        {
            if (JsonSerializer.Deserialize<Dictionary<string, string>>(json)?.GetValueOrDefault(NikField) is { Length: > 0 } nik)
            {
                niks.Add(nik);
            }
        }

        return niks;
    }

    /// <summary>Photos in the person's forms go with them; the file itself once nothing else refers to it.</summary>
    private static void ReleaseSessionPhotos(BotDbContext db, IEnumerable<ConversationSession> sessions)
    {
        foreach (var row in sessions)
        {
            try
            {
                db.ReleasedMedia.UnionWith(MediaCleanup.In(SessionStore.Read(row).Answers.Values));
            }
            catch (JsonException)
            {
                // An unreadable form names no photo; the sweep finds a file left without a reference.
            }
        }
    }

    private static async Task ReleaseClaimPhotosAsync(BotDbContext db, long personId, CancellationToken ct)
    {
        foreach (var json in await db.RecordClaims.Where(c => c.ClaimantPersonId == personId && c.AnswersJson != null).Select(c => c.AnswersJson!).ToListAsync(ct))
        {
            try
            {
                db.ReleasedMedia.UnionWith(MediaCleanup.In((JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? []).Values));
            }
            catch (JsonException)
            {
                // As above.
            }
        }
    }

    /// <summary>Unowned records with a NIK the person gave, not erased now (no phone match): to their regency's coordinators.</summary>
    private static async Task<List<ErasureRequest>> ReferAsync(BotDbContext db, Person person, string? replyAddress, IReadOnlyCollection<string> niks,
        IReadOnlyList<IRegisteredRecord> erased, DateTimeOffset now, CancellationToken ct)
    {
        var done = erased.Where(r => r.Kind == RecordKind.Umkm).Select(r => r.Id).ToHashSet();
        var referred = new List<ErasureRequest>();
        foreach (var record in (await UnreachedRecords.WithNikAsync(db, niks, ct)).Where(r => !done.Contains(r.Id)))
        {
            var request = new ErasureRequest
            {
                Kind = record.Kind,
                RecordId = record.Id,
                KodeKabupaten = record.KodeKabupaten,
                RequesterPersonId = person.Id,
                ReplyAddress = replyAddress,
                Language = person.Language,
                ReceivedAt = now,
                DueAt = now + ErasureRequest.LegalDeadline,
            };
            db.ErasureRequests.Add(request);
            referred.Add(request);
        }

        return referred;
    }

    /// <summary>Others' sessions that produced the records (an enumerator's form for the owner) keep no answers.</summary>
    private static async Task EraseSessionsOfAsync(BotDbContext db, List<string> numbers, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var row in await db.Sessions.Where(s => s.RegistrationNumber != null && numbers.Contains(s.RegistrationNumber)).ToListAsync(ct))
        {
            try
            {
                var state = SessionStore.Read(row);
                db.ReleasedMedia.UnionWith(MediaCleanup.In(state.Answers.Values));
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

    /// <summary>
    /// Review cards, claim cards, quick-entry receipts and export documents that showed the records: blanked once sent,
    /// dropped while unsent. An export covers a record when the record's village is inside the exported region.
    /// </summary>
    private static async Task EraseMessagesAboutAsync(BotDbContext db, IReadOnlyList<IRegisteredRecord> records, CancellationToken ct)
    {
        var umkmIds = records.Where(r => r.Kind == RecordKind.Umkm).Select(r => r.Id).ToList();
        var koperasiIds = records.Where(r => r.Kind == RecordKind.Koperasi).Select(r => r.Id).ToList();
        var subjects = records.Select(r => OutboxSubjects.Record(r.Kind, r.Id)).ToList();
        subjects.AddRange((await db.RecordClaims
                .Where(c => c.Kind == RecordKind.Umkm && umkmIds.Contains(c.RecordId) || c.Kind == RecordKind.Koperasi && koperasiIds.Contains(c.RecordId))
                .Select(c => c.Id).ToListAsync(ct))
            .Select(OutboxSubjects.Claim));
        var villages = records.Select(r => r.KodeDesa).Distinct(StringComparer.Ordinal).ToList();
        // Exports are few (one per /ekspor); their region is compared here rather than in SQL.
        subjects.AddRange((await db.Outbox.Where(o => o.Subject != null && o.Subject.StartsWith("export:")).Select(o => o.Subject!).Distinct().ToListAsync(ct))
            .Where(s => villages.Any(v => OutboxSubjects.ExportCovers(s, v))));
        await EraseMessagesAsync(db, subjects, ct);
    }

    private static Task EraseClaimCardsAsync(BotDbContext db, List<long> claimIds, CancellationToken ct) =>
        EraseMessagesAsync(db, claimIds.Select(OutboxSubjects.Claim).ToList(), ct);

    private static async Task EraseMessagesAsync(BotDbContext db, List<string> subjects, CancellationToken ct)
    {
        if (subjects.Count == 0)
        {
            return;
        }

        var erased = OutboxPayload.Serialize(new OutboundMessage(ErasedReply));
        await db.Outbox.Where(o => o.Subject != null && subjects.Contains(o.Subject) && o.SentAt == null).ExecuteDeleteAsync(ct);
        await db.Outbox.Where(o => o.Subject != null && subjects.Contains(o.Subject))
            .ExecuteUpdateAsync(o => o.SetProperty(m => m.PayloadJson, erased), ct);
    }
}
