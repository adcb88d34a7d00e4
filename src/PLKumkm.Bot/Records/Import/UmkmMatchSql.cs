using Microsoft.EntityFrameworkCore.Metadata;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Records.Rules;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Records.Import;

/// <summary>
/// The SQL of the bulk import's match lookups (the conditions of <see cref="StoredMatches"/>), written once for both
/// databases: only how a positional parameter is written differs (<c>?1</c> on SQLite, <c>$1</c> on PostgreSQL).
/// </summary>
/// <remarks>
/// Positions 1… are a lookup's values; <see cref="Withdrawn"/>, <see cref="Active"/> and <see cref="Flagged"/> the statuses
/// (bound once); <see cref="Candidate"/> a candidate's id while a first load runs without the table's indexes.
/// </remarks>
internal sealed class UmkmMatchSql
{
    public const int Withdrawn = 7;
    public const int Active = 8;
    public const int Flagged = 9;
    public const int Candidate = 10;

    public UmkmMatchSql(IModel model, bool byCandidate, Func<int, string> p)
    {
        var umkm = new EntityTable<UmkmRecord>(model);
        var koperasi = new EntityTable<KoperasiRecord>(model);
        var decisions = new EntityTable<ReviewDecision>(model);
        string U(string property) => Q(umkm[property].Name);
        string K(string property) => Q(koperasi[property].Name);
        string D(string property) => Q(decisions[property].Name);
        var id = Q(umkm.Key!.Name);
        var other = $"{U(nameof(UmkmRecord.RegistrationNumber))}, {U(nameof(UmkmRecord.KodeKabupaten))}";
        var counted = $"{U(nameof(UmkmRecord.Status))} IN ({p(Active)}, {p(Flagged)})";
        StatusColumn = umkm[nameof(UmkmRecord.Status)];
        DecisionColumn = decisions[nameof(ReviewDecision.Decision)];
        KindColumn = decisions[nameof(ReviewDecision.Kind)];

        // NIK and phone are compared by their keyed hashes (the stored values are encrypted).
        // 1 village, 2 name, 3 own id (0 when new), 4 NIK hash: the oldest counted record of another owner.
        SameName = Lookup(other,
            $"{U(nameof(UmkmRecord.KodeDesa))} = {p(1)} AND {U(nameof(UmkmRecord.NamaUsahaNormal))} = {p(2)} " +
            $"AND ({p(3)} = 0 OR {id} < {p(3)}) AND ({U(nameof(UmkmRecord.NikHash))} IS NULL OR {U(nameof(UmkmRecord.NikHash))} <> {p(4)}) AND {counted}", $"ORDER BY {id} LIMIT 1");
        // 1 NIB, 2 own id, 3 created (ticks): who had the NIB first.
        NibUmkm = Lookup(other,
            $"{U(nameof(UmkmRecord.Nib))} = {p(1)} AND {id} <> {p(2)} AND {U(nameof(UmkmRecord.Status))} <> {p(Withdrawn)} " +
            $"AND ({p(2)} = 0 OR {U(nameof(UmkmRecord.CreatedAt))} < {p(3)} OR ({U(nameof(UmkmRecord.CreatedAt))} = {p(3)} AND {id} < {p(2)}))", $"ORDER BY {id} LIMIT 1");
        NibKoperasi =
            $"SELECT {K(nameof(KoperasiRecord.RegistrationNumber))}, {K(nameof(KoperasiRecord.KodeKabupaten))} FROM {Q(koperasi.Name)} " +
            $"WHERE {K(nameof(KoperasiRecord.Nib))} = {p(1)} AND {K(nameof(KoperasiRecord.Status))} <> {p(Withdrawn)} " +
            $"AND ({p(2)} = 0 OR {K(nameof(KoperasiRecord.CreatedAt))} < {p(3)}) ORDER BY {Q(koperasi.Key!.Name)} LIMIT 1";
        // 1 phone hash, 2 own id.
        Phone = Lookup($"{other}, {U(nameof(UmkmRecord.NikHash))}, {U(nameof(UmkmRecord.NamaUsahaNormal))}",
            $"{U(nameof(UmkmRecord.HpHash))} = {p(1)} AND {id} <> {p(2)} AND {counted}", $"LIMIT {RecordRules.MaxPhoneCandidates}");
        // 1 record id, 2 approved, 3 the UMKM kind.
        Approved =
            $"SELECT 1 FROM {Q(decisions.Name)} WHERE {D(nameof(ReviewDecision.RecordId))} = {p(1)} " +
            $"AND {D(nameof(ReviewDecision.Decision))} = {p(2)} AND {D(nameof(ReviewDecision.Kind))} = {p(3)} LIMIT 1";

        string Lookup(string columns, string where, string rest) =>
            byCandidate
                ? $"SELECT {columns} FROM {Q(umkm.Name)} WHERE {id} = {p(Candidate)} AND {where}"
                : $"SELECT {columns} FROM {Q(umkm.Name)} WHERE {where} {rest}";
    }

    public string SameName { get; }

    public string NibUmkm { get; }

    public string NibKoperasi { get; }

    /// <summary>Columns: number, regency, NIK hash, normalised name.</summary>
    public string Phone { get; }

    public string Approved { get; }

    public EntityTable<UmkmRecord>.Column StatusColumn { get; }

    public EntityTable<ReviewDecision>.Column DecisionColumn { get; }

    public EntityTable<ReviewDecision>.Column KindColumn { get; }

    public object? Status(RecordStatus status) => StatusColumn.ToProvider(status);

    public object? ApprovedValue => DecisionColumn.ToProvider(ReviewOutcome.Approved);

    public object? UmkmKind => KindColumn.ToProvider(RecordKind.Umkm);

    private static string Q(string name) => EntityTable<UmkmRecord>.Quote(name);
}
