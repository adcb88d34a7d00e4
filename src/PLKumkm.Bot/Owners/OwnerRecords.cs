using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Records;
using PLKumkm.Bot.Storage;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Owners;

/// <summary>The records a person registered for themself (both kinds), found by owner (indexed).</summary>
internal static class OwnerRecords
{
    public static async Task<List<IRegisteredRecord>> ListAsync(BotDbContext db, long personId, CancellationToken ct)
    {
        var umkm = await db.UmkmRecords.Where(r => r.OwnerPersonId == personId).OrderBy(r => r.Id).ToListAsync(ct);
        var koperasi = await db.KoperasiRecords.Where(r => r.OwnerPersonId == personId).OrderBy(r => r.Id).ToListAsync(ct);
        return [.. umkm, .. koperasi];
    }

    public static async Task<IRegisteredRecord?> FindAsync(BotDbContext db, long personId, string registrationNumber, CancellationToken ct)
    {
        var number = registrationNumber.Trim().ToUpperInvariant();
        return number.StartsWith("KOP-", StringComparison.Ordinal)
            ? await db.KoperasiRecords.FirstOrDefaultAsync(r => r.RegistrationNumber == number && r.OwnerPersonId == personId, ct)
            : await db.UmkmRecords.FirstOrDefaultAsync(r => r.RegistrationNumber == number && r.OwnerPersonId == personId, ct);
    }

    public static bool CanBeChanged(IRegisteredRecord record) => record.Status is RecordStatus.Active or RecordStatus.Flagged;
}
