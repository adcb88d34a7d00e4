using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Records.Import;

/// <summary>
/// Stand-ins, in memory, for the four <c>umkm_records</c> indexes the import's rules look up while a
/// first load runs without them: the business (NIK + normalised name), the same name in the same
/// village, the NIB and the phone number (NIK and phone by their keyed hashes, as the indexes hold them). Every row the import knows of is in them (those already
/// stored when it began, those it writes), so no matching row can be missed.
/// </summary>
internal sealed class ImportCandidates(int expected)
{
    public CandidateIndex Business { get; } = new(expected);

    public CandidateIndex Village { get; } = new(expected);

    public CandidateIndex Nib { get; } = new(expected);

    public CandidateIndex Phone { get; } = new(expected);

    public static ulong BusinessKey(string nik, string normalName) => BusinessKeyHash.Of(nik, normalName);

    public static ulong VillageKey(string village, string normalName) => BusinessKeyHash.Of(village, normalName);

    public static ulong Key(string value) => BusinessKeyHash.Of(value, "");

    /// <summary>Makes the row with these values findable (an updated row is added again under what changed).</summary>
    public void Add(long id, string? nikHash, string normalName, string village, string? nib, string? hpHash)
    {
        if (nikHash is not null)
        {
            Business.Add(BusinessKey(nikHash, normalName), id);
        }

        Village.Add(VillageKey(village, normalName), id);
        if (!string.IsNullOrEmpty(nib))
        {
            Nib.Add(Key(nib), id);
        }

        if (!string.IsNullOrEmpty(hpHash))
        {
            Phone.Add(Key(hpHash), id);
        }
    }

    public void Add(UmkmRecord record) => Add(record.Id, record.NikHash, record.NamaUsahaNormal, record.KodeDesa, record.Nib, record.HpHash);

    /// <summary>After an update: adds the record under the keys that differ from its earlier values (given; hashes stamped).</summary>
    public void AddChanged(UmkmRecord record, string? nikHash, string normalName, string village, string? nib, string? hpHash)
    {
        if (record.NikHash is not null && (record.NikHash != nikHash || record.NamaUsahaNormal != normalName))
        {
            Business.Add(BusinessKey(record.NikHash, record.NamaUsahaNormal), record.Id);
        }

        if (record.KodeDesa != village || record.NamaUsahaNormal != normalName)
        {
            Village.Add(VillageKey(record.KodeDesa, record.NamaUsahaNormal), record.Id);
        }

        if (!string.IsNullOrEmpty(record.Nib) && record.Nib != nib)
        {
            Nib.Add(Key(record.Nib), record.Id);
        }

        if (!string.IsNullOrEmpty(record.HpHash) && record.HpHash != hpHash)
        {
            Phone.Add(Key(record.HpHash), record.Id);
        }
    }
}
