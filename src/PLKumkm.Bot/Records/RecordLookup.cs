using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Storage;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Records;

internal static class RecordLookup
{
    /// <summary>A record by kind and id (tracked: the caller may change it); a UMKM and a cooperative may share an id.</summary>
    public static async Task<IRegisteredRecord?> FindAsync(BotDbContext db, RecordKind kind, long id, CancellationToken ct) =>
        kind == RecordKind.Koperasi
            ? await db.KoperasiRecords.FirstOrDefaultAsync(r => r.Id == id, ct)
            : await db.UmkmRecords.FirstOrDefaultAsync(r => r.Id == id, ct);
}
