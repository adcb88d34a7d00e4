using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Records.Import;

/// <summary>
/// Stand-ins, in memory, for the four <c>umkm_records</c> indexes the import's rules look up while a
/// first load runs without them: the business (NIK + normalised name), the same name in the same
/// village, the NIB and the phone number. Every row the import knows of is in them (those already
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
    public void Add(long id, string? nik, string normalName, string village, string? nib, string? hp)
    {
        if (nik is not null)
        {
            Business.Add(BusinessKey(nik, normalName), id);
        }

        Village.Add(VillageKey(village, normalName), id);
        if (!string.IsNullOrEmpty(nib))
        {
            Nib.Add(Key(nib), id);
        }

        if (!string.IsNullOrEmpty(hp))
        {
            Phone.Add(Key(hp), id);
        }
    }

    public void Add(UmkmRecord record) => Add(record.Id, record.Nik, record.NamaUsahaNormal, record.KodeDesa, record.Nib, record.Hp);

    /// <summary>After an update: adds the record under the keys that differ from its earlier values (given).</summary>
    public void AddChanged(UmkmRecord record, string? nik, string normalName, string village, string? nib, string? hp)
    {
        if (record.Nik is not null && (record.Nik != nik || record.NamaUsahaNormal != normalName))
        {
            Business.Add(BusinessKey(record.Nik, record.NamaUsahaNormal), record.Id);
        }

        if (record.KodeDesa != village || record.NamaUsahaNormal != normalName)
        {
            Village.Add(VillageKey(record.KodeDesa, record.NamaUsahaNormal), record.Id);
        }

        if (!string.IsNullOrEmpty(record.Nib) && record.Nib != nib)
        {
            Nib.Add(Key(record.Nib), record.Id);
        }

        if (!string.IsNullOrEmpty(record.Hp) && record.Hp != hp)
        {
            Phone.Add(Key(record.Hp), record.Id);
        }
    }
}
