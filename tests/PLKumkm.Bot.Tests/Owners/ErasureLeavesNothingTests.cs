using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Storage;
using PLKumkm.Bot.Tests.Hosting;

namespace PLKumkm.Bot.Tests.Owners;

/// <summary>
/// Issue 12: after "hapus data saya" nothing of the person is found anywhere: not in the raw bytes of the database
/// file and its WAL (freed pages are zeroed, values are encrypted), and not in any table read back with the key.
/// </summary>
public sealed class ErasureLeavesNothingTests
{
    private static readonly string[] PersonalValues =
    [
        "1601074508900001", "Siti Aminah", "+6281234567890", "6281234567890", "081234567890", "0812-3456-7890",
    ];

    private static readonly JsonSerializerOptions Dump = new() { ReferenceHandler = ReferenceHandler.IgnoreCycles };

    [Fact]
    public async Task After_erasure_no_table_and_no_byte_of_the_database_holds_the_persons_NIK_name_or_phone()
    {
        using var db = new TestDatabase();
        var output = await ConsoleChat.RunAsync(db, [.. ConsoleChat.Registration, "/status", "hapus data saya", "ya"], "owner");
        Assert.Contains("KUMKM-1601-000001", output, StringComparison.Ordinal);
        Assert.Contains("sudah dihapus sekarang juga", output, StringComparison.Ordinal);

        // Read back with the key: every row of every table the person's data went through.
        await using (var ctx = db.Open())
        {
            var tables = new Dictionary<string, object>
            {
                ["umkm_records"] = await ctx.UmkmRecords.AsNoTracking().ToListAsync(),
                ["record_versions"] = await ctx.RecordVersions.AsNoTracking().ToListAsync(),
                ["people"] = await ctx.People.AsNoTracking().ToListAsync(),
                ["person_addresses"] = await ctx.PersonAddresses.AsNoTracking().ToListAsync(),
                ["consents"] = await ctx.Consents.AsNoTracking().ToListAsync(),
                ["sessions"] = await ctx.Sessions.AsNoTracking().ToListAsync(),
                ["outbox"] = await ctx.Outbox.AsNoTracking().ToListAsync(),
                ["record_claims"] = await ctx.RecordClaims.AsNoTracking().ToListAsync(),
                ["webhook_inbox"] = await ctx.WebhookInbox.AsNoTracking().ToListAsync(),
                ["erasure_requests"] = await ctx.ErasureRequests.AsNoTracking().ToListAsync(),
            };
            Assert.NotEmpty((System.Collections.IList)tables["consents"]);
            foreach (var (table, rows) in tables)
            {
                // Unescaped, so "+62…" is searched as written.
                var text = JsonSerializer.Serialize(rows, Dump).Replace("\\u002B", "+", StringComparison.Ordinal);
                foreach (var value in PersonalValues)
                {
                    Assert.False(text.Contains(value, StringComparison.Ordinal), $"{table} still holds \"{value}\"");
                }
            }

            await ctx.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { db.Path, db.Path + "-wal" }.Where(File.Exists))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            foreach (var value in PersonalValues)
            {
                Assert.True(IndexOf(bytes, Encoding.UTF8.GetBytes(value)) < 0, $"{Path.GetFileName(file)} still holds \"{value}\"");
            }
        }
    }

    private static int IndexOf(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle);
}
