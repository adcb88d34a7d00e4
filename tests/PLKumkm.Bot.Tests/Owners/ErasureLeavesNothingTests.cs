using System.Text;
using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Tests.Fakes;
using PLKumkm.Bot.Tests.Hosting;
using PLKumkm.Bot.Tests.Media;

namespace PLKumkm.Bot.Tests.Owners;

/// <summary>
/// Issue 12: after "hapus data saya" nothing of the person is found anywhere: not in the raw bytes of the database
/// file and its WAL (freed pages are zeroed, values are encrypted), not in any table read back with the key, and not
/// in the photo store.
/// </summary>
public sealed class ErasureLeavesNothingTests
{
    private static readonly string[] PersonalValues =
    [
        "1601074508900001", "Siti Aminah", "+6281234567890", "6281234567890", "081234567890", "0812-3456-7890",
    ];

    [Fact]
    public async Task After_erasure_no_table_and_no_byte_of_the_database_holds_the_persons_NIK_name_or_phone()
    {
        using var db = new TestDatabase();
        // The registration with a photo of the business (the console's /foto PATH stands for sending one).
        var picture = Path.Combine(db.Folder, "warung.jpg");
        await File.WriteAllBytesAsync(picture, FakeMedia.Jpeg("Warung Bu Siti"));
        var lines = ConsoleChat.Registration.ToList();
        var photoQuestion = lines.IndexOf("Jl. Merdeka 1") + 2;
        Assert.Equal("/lewati", lines[photoQuestion]);
        lines[photoQuestion] = "/foto " + picture;
        var registered = await ConsoleChat.RunAsync(db, [.. lines, "/status"], "owner");
        Assert.Contains("KUMKM-1601-000001", registered, StringComparison.Ordinal);
        string stored;
        await using (var ctx = db.Open())
        {
            stored = MediaFiles.PathIn(db, (await ctx.UmkmRecords.SingleAsync()).Foto!);
        }

        Assert.Equal(await File.ReadAllBytesAsync(picture), await File.ReadAllBytesAsync(stored));

        var output = await ConsoleChat.RunAsync(db, ["hapus data saya", "ya"], "owner");
        Assert.Contains("sudah dihapus sekarang juga", output, StringComparison.Ordinal);
        // The photo's file went with the record: nothing is left in the store.
        Assert.False(File.Exists(stored));
        Assert.Empty(MediaFiles.All(db));

        // Read back with the key: every text of every table (JSON escapes "+" as \u002B).
        await using (var ctx = db.Open())
        {
            Assert.NotEmpty(await ctx.Consents.ToListAsync());
            var everything = (await RecordsTestDatabase.AllTextAsync(ctx)).Select(v => v.Replace("\\u002B", "+", StringComparison.Ordinal)).ToList();
            foreach (var value in PersonalValues)
            {
                Assert.DoesNotContain(everything, v => v.Contains(value, StringComparison.Ordinal));
            }

            if (db.IsPostgres)
            {
                // PostgreSQL's pages and WAL are the server's to vacuum and recycle (see the README's PostgreSQL section);
                // the file check below is SQLite's secure_delete.
                return;
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
