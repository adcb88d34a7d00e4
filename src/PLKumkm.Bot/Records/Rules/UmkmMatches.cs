namespace PLKumkm.Bot.Records.Rules;

/// <summary>
/// What the stored records say about a UMKM record about to be written: the facts <see cref="RecordRules.FlagUmkm"/>
/// decides from. Each writer finds them its own way (<see cref="StoredMatches"/> with EF queries, the bulk import with
/// prepared statements and in-memory candidates), under exactly the conditions below; the differential test of the
/// import against <see cref="RecordWriter"/> holds them to it.
/// </summary>
/// <param name="Approved">A coordinator approved this record (a UMKM decision on its id): its flags stand as decided.</param>
/// <param name="SameNameInVillage">The oldest counted record (active or flagged) older than this one (any, when new)
/// with the same village and normalised business name under another NIK: its number.</param>
/// <param name="NibHolder">Looked up only when not approved: the first record (lowest id) not withdrawn with the same NIB
/// that had it first — a UMKM created earlier (same instant: lower id; any, when new), else a cooperative created
/// earlier (any, when new).</param>
/// <param name="SamePhoneSimilarName">Looked up only when not approved: among the first
/// <see cref="RecordRules.MaxPhoneCandidates"/> other counted records with the same phone (by id), the first under
/// another NIK whose name <see cref="BusinessName.AreSimilar"/>.</param>
internal readonly record struct UmkmMatches(bool Approved, string? SameNameInVillage, OtherRecord? NibHolder, OtherRecord? SamePhoneSimilarName)
{
    /// <summary>Nothing to look up: the record's status is decided (duplicate, rejected, withdrawn).</summary>
    public static UmkmMatches None => default;
}
