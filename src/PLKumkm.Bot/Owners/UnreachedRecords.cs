using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Storage;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Owners;

/// <summary>
/// Records nobody owns (entered by an enumerator, or imported) that an erasure must still find: by the requester's
/// proven phone, or by a NIK they gave. The only place erasure compares phones and NIKs, so that encryption at rest can
/// turn both into keyed-hash look-ups here.
/// </summary>
internal static class UnreachedRecords
{
    /// <summary>Unowned records whose stored <c>hp</c> is <paramref name="provenPhone"/> (E.164).</summary>
    public static async Task<List<IRegisteredRecord>> WithPhoneAsync(BotDbContext db, string provenPhone, CancellationToken ct)
    {
        // Encrypted with a random nonce: only the keyed hash can be compared.
        var hash = db.Protection.Hash(provenPhone);
        var umkm = await db.UmkmRecords
            .Where(r => r.OwnerPersonId == null && r.Status != RecordStatus.Withdrawn && r.HpHash == hash).ToListAsync(ct);
        var koperasi = await db.KoperasiRecords
            .Where(r => r.OwnerPersonId == null && r.Status != RecordStatus.Withdrawn && r.HpHash == hash).ToListAsync(ct);
        return [.. umkm, .. koperasi];
    }

    /// <summary>Unowned UMKM records with one of <paramref name="niks"/> (a cooperative's record holds no person's NIK).</summary>
    public static async Task<List<IRegisteredRecord>> WithNikAsync(BotDbContext db, IReadOnlyCollection<string> niks, CancellationToken ct)
    {
        if (niks.Count == 0)
        {
            return [];
        }

        var hashes = niks.Select(db.Protection.Hash).ToList();
        return [.. await db.UmkmRecords
            .Where(r => r.OwnerPersonId == null && r.Status != RecordStatus.Withdrawn && r.NikHash != null && hashes.Contains(r.NikHash))
            .OrderBy(r => r.Id).ToListAsync(ct)];
    }
}
