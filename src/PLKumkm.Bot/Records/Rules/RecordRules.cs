using PLKumkm.Bot.Regions;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Records.Rules;

/// <summary>
/// The single-database rules, written once for every writer: <see cref="RecordWriter"/> (chat, quick entry,
/// corrections, the cooperative import) and the bulk UMKM import. Pure: given the record a write makes and what the
/// stored records say about it (<see cref="UmkmMatches"/>, <see cref="KoperasiMatches"/>), they set its values, status
/// and flag reason and give the note of its version. Who may write at all is <see cref="RecordAccess"/>'s to decide;
/// how matches are found and rows written is each writer's own (EF, or prepared statements for speed).
/// </summary>
internal static class RecordRules
{
    /// <summary>How many records with the same phone are compared by name: a shared office phone must not cost a scan.</summary>
    public const int MaxPhoneCandidates = 50;

    /// <summary>The regency a write puts the record in (from its village); "" when it gives none.</summary>
    public static string RegencyOf(IReadOnlyDictionary<string, string> answers) =>
        answers.GetValueOrDefault("kode_desa") is { Length: > 0 } village && RegionCodes.TryNormalize(village, out var code)
            ? RegionCodes.RegencyCode(code) ?? ""
            : "";

    /// <summary>A new business's record from its answers and who sent them; its registration number is the writer's to hand out.</summary>
    public static UmkmRecord NewUmkm(IReadOnlyDictionary<string, string> answers, Submitter who, DateTimeOffset now)
    {
        var record = new UmkmRecord { CreatedAt = now, UpdatedAt = now };
        SetValues(record, answers, isNew: true, now);
        (record.Sumber, record.Enumerator, record.SubmittedByPersonId, record.OwnerPersonId) = (who.Source, who.EnumeratorId, who.PersonId, who.OwnerPersonId);
        return record;
    }

    /// <inheritdoc cref="NewUmkm"/>
    public static KoperasiRecord NewKoperasi(IReadOnlyDictionary<string, string> answers, Submitter who, DateTimeOffset now)
    {
        var record = new KoperasiRecord { CreatedAt = now, UpdatedAt = now };
        SetValues(record, answers, isNew: true, now);
        (record.Sumber, record.Enumerator, record.SubmittedByPersonId, record.OwnerPersonId) = (who.Source, who.EnumeratorId, who.PersonId, who.OwnerPersonId);
        return record;
    }

    /// <summary>A repeat of a stored business, as <see cref="RecordAccess"/> allowed it: its values, and its owner when linked.</summary>
    public static void Update(IRegisteredRecord record, IReadOnlyDictionary<string, string> answers, WriteVerdict verdict, Submitter who, DateTimeOffset now)
    {
        SetValues(record, answers, isNew: false, now);
        if (verdict == WriteVerdict.LinkOwner)
        {
            record.OwnerPersonId = who.OwnerPersonId;
        }
    }

    /// <summary>
    /// The answers' values (an empty one clears a field; the derived ones follow). <c>waktu_kirim</c> is when a record
    /// was first submitted (progress counts it on that day): a repeat or a correction does not move it unless the
    /// source states it (an import of an earlier export). It is kept as the instant the database gives back (UTC), so
    /// the history never shows an offset as a change.
    /// </summary>
    public static void SetValues(IRegisteredRecord record, IReadOnlyDictionary<string, string> answers, bool isNew, DateTimeOffset now)
    {
        var stated = answers.GetValueOrDefault("waktu_kirim") is { Length: > 0 };
        switch (record)
        {
            case UmkmRecord u:
                UmkmFields.Apply(u, answers);
                u.WaktuKirim = (isNew && !stated ? now : u.WaktuKirim).ToUniversalTime();
                break;
            case KoperasiRecord k:
                KoperasiFields.Apply(k, answers);
                k.WaktuKirim = (isNew && !stated ? now : k.WaktuKirim).ToUniversalTime();
                break;
        }
    }

    /// <summary>
    /// Flags a UMKM record as its figures and the stored records say (<see cref="RecordFlags"/>, a NIB held by another
    /// business, the same phone with a similar name under another owner); a coordinator's approval stands, and decided
    /// records (duplicate, rejected, withdrawn) stay as they are. Returns the version's note (null when none).
    /// </summary>
    public static string? FlagUmkm(UmkmRecord record, UmkmMatches found)
    {
        if (!IsUndecided(record))
        {
            return null;
        }

        RecordFlags.Apply(record, found.SameNameInVillage, found.Approved);
        return found.Approved ? null : FlagShared(record, found.NibHolder, found.SamePhoneSimilarName);
    }

    /// <summary>Flags a cooperative: the same name and village under another legal entity number, then as <see cref="FlagUmkm"/>.</summary>
    public static string? FlagKoperasi(KoperasiRecord record, KoperasiMatches found)
    {
        if (found.Approved)
        {
            return null;
        }

        if (found.SameNameOtherNumber is { } namesake)
        {
            Flag(record, $"nama dan desa sama dengan {namesake}, nomor badan hukum berbeda");
        }

        return FlagShared(record, found.NibHolder, found.SamePhoneSimilarName);
    }

    /// <summary>Whether rules may still flag the record (or release its flag): active or flagged, not decided.</summary>
    public static bool IsUndecided(IRegisteredRecord record) => record.Status is RecordStatus.Active or RecordStatus.Flagged;

    /// <summary>Marks a record for review; true when the reason is new. Decided records (duplicate, rejected, withdrawn) stay as they are.</summary>
    public static bool Flag(IRegisteredRecord record, string reason)
    {
        if (!IsUndecided(record) || record.FlagReason?.Contains(reason, StringComparison.Ordinal) == true)
        {
            return false;
        }

        record.Status = RecordStatus.Flagged;
        record.FlagReason = string.IsNullOrEmpty(record.FlagReason) ? reason : $"{record.FlagReason}; {reason}";
        return true;
    }

    /// <summary>
    /// How a flag reason refers to another record: by its number when it is in the same regency (the coordinators and
    /// enumerators who read the reason work there), otherwise only by its regency, so nobody is shown a record
    /// outside their region.
    /// </summary>
    public static string Named(IRegisteredRecord record, OtherRecord other) =>
        other.Regency == record.KodeKabupaten ? other.Number : $"usaha lain di kabupaten/kota {other.Regency}";

    /// <summary>A NIB belongs to one business; the same phone with a similar name is a likely duplicate (counted once until decided).</summary>
    private static string? FlagShared(IRegisteredRecord record, OtherRecord? nibHolder, OtherRecord? samePhone)
    {
        string? note = null;
        if (nibHolder is { } nib && Named(record, nib) is var holder && Flag(record, $"NIB sudah dipakai {holder}"))
        {
            note = $"ditandai: NIB sudah dipakai {holder}";
        }

        // The same pair already flagged by name and village (RecordFlags) needs no second reason.
        if (samePhone is { } similar && Named(record, similar) is var twin
            && record.FlagReason?.Contains($"kemungkinan duplikat dari {twin}", StringComparison.Ordinal) != true
            && Flag(record, $"kemungkinan duplikat dari {twin} (HP sama, nama mirip)"))
        {
            note = note is null ? $"ditandai: kemungkinan duplikat dari {twin}" : $"{note}; ditandai: kemungkinan duplikat dari {twin}";
        }

        return note;
    }
}
