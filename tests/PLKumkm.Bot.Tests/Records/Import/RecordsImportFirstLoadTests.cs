using Microsoft.Extensions.DependencyInjection;
using PLKumkm.Bot.Conversations;
using PLKumkm.Bot.Records;
using PLKumkm.Bot.Records.Import;
using PLKumkm.Bot.Regions;
using PLKumkm.Bot.Storage;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Tests.Records.Import;

/// <summary>
/// A first load (one transaction, <c>umkm_records</c>' secondary indexes dropped and created again,
/// the rules' lookups answered from memory) stores exactly what the usual path stores.
/// </summary>
public sealed class RecordsImportFirstLoadTests
{
    private const string Header = "nik,nama_pemilik,nama_usaha,kode_desa,hp,nib,tk_total,omzet_tahunan,waktu_kirim";

    // Every rule of the import at least once: a likely duplicate under another owner, a shared NIB, implausible
    // figures, the same phone with a similar name, the same business twice (an update), a bad row, another regency,
    // and rows that meet the record registered by chat before the import.
    private static readonly string[] Rows =
    [
        "1601071205850001,Siti,Warung Bu Siti,16.01.07.2001,081211110001,9120001234567,2,30jt,2022-09-10T10:00:00+07:00",
        "1601074505850002,Sari,Warung Bu Siti,16.01.07.2001,081211110002,,1,20jt,2022-09-11T10:00:00+07:00",
        "1601071205850003,Budi,Toko Budi,16.01.07.2002,081211110003,9120001234567,1,20jt,2022-09-11T11:00:00+07:00",
        "1601071205850004,Agus,Konveksi Agus,16.01.07.2002,081211110004,,200,50jt,2022-09-11T12:00:00+07:00",
        "1601074505850005,Dewi,Warung Dewi,16.01.07.2003,081211110005,,1,10jt,2022-09-12T08:00:00+07:00",
        "1601071205850006,Dedi,Warung Dewi Jaya,16.01.07.2004,081211110005,,1,10jt,2022-09-12T09:00:00+07:00",
        "1601071205850001,Siti,WR. BU SITI,16.01.07.2001,081211110001,9120001234567,3,30jt,2022-09-12T10:00:00+07:00",
        "1601071205850,Salah,Toko Salah,16.01.07.2001,,,,,",
        "1602024505900007,Rina,Kedai Rina,16.02.02.2001,081211110007,,2,15jt,2022-09-12T23:30:00+07:00",
        "1601071205800008,Lama,Toko Lama,16.01.07.2001,081211110008,,4,40jt,2022-09-13T10:00:00+07:00",
        "1601071205800009,Baru,Toko Lama Jaya,16.01.07.2005,081211110008,,1,10jt,2022-09-13T11:00:00+07:00",
    ];

    [Fact]
    public async Task A_first_load_stores_the_same_records_versions_and_counts_as_the_usual_path()
    {
        await using var usual = await StartWithChatRecordAsync();
        await using var first = await StartWithChatRecordAsync();

        var a = await ImportAsync(usual, Rows, defer: false);
        var b = await ImportAsync(first, Rows, defer: true);

        Assert.False(a.IndexesDeferred);
        Assert.True(b.IndexesDeferred);
        Assert.Equal((11, 8, 2, 0, 1), (a.Read, a.Added, a.Updated, a.Unchanged, a.Rejected));
        Assert.Equal((a.Read, a.Added, a.Updated, a.Unchanged, a.Rejected), (b.Read, b.Added, b.Updated, b.Unchanged, b.Rejected));
        var expected = Dump(usual.Database);
        Assert.Equal(expected, Dump(first.Database));
        // The rules did fire (so the comparison compares something).
        Assert.Contains("kemungkinan duplikat dari KUMKM-1601-000002", expected);
        Assert.Contains("NIB sudah dipakai KUMKM-1601-000002", expected);
        Assert.Contains("HP sama, nama mirip", expected);
        Assert.Contains("tidak wajar: 200 pekerja", expected);

        // Again, into tables that now hold the records: nothing added; Siti's two rows rewrite her record in turn,
        // and the older twins of a shared phone are flagged now that the younger ones exist.
        var usualAgain = await ImportAsync(usual, Rows, defer: false);
        var firstAgain = await ImportAsync(first, Rows, defer: true);
        Assert.True(firstAgain.IndexesDeferred);
        Assert.Equal((0, 4, 6), (usualAgain.Added, usualAgain.Updated, usualAgain.Unchanged));
        Assert.Equal((0, 4, 6), (firstAgain.Added, firstAgain.Updated, firstAgain.Unchanged));
        Assert.Equal(Dump(usual.Database), Dump(first.Database));
    }

    [Fact]
    public async Task A_first_load_leaves_the_indexes_exactly_as_the_migrations_made_them()
    {
        await using var tool = await ToolHost.StartAsync();
        var before = Indexes(tool.Database);
        Assert.Contains(before, i => i.Contains("IX_umkm_records_NikHash_NamaUsahaNormal", StringComparison.Ordinal));

        var result = await ImportAsync(tool, Rows, defer: true);

        Assert.True(result.IndexesDeferred);
        Assert.Equal(before, Indexes(tool.Database));
    }

    [Fact]
    public async Task A_first_load_that_fails_leaves_the_indexes_records_and_counts_as_they_were()
    {
        await using var tool = await ToolHost.StartAsync();
        // A record holding the first OKU number without its sequence: the load's own KUMKM-1601-000001 collides,
        // which only the unique index, created again at the very end, can notice.
        await using (var db = tool.Database.Open())
        {
            db.UmkmRecords.Add(new UmkmRecord
            {
                RegistrationNumber = "KUMKM-1601-000001", Nik = "1601071205850099", NamaUsaha = "Toko Tua", NamaUsahaNormal = "toko tua",
                KodeDesa = "16.01.07.2001", KodeKecamatan = "16.01.07", KodeKabupaten = "16.01", KodeProvinsi = "16",
                WaktuKirim = new DateTimeOffset(2022, 9, 1, 0, 0, 0, TimeSpan.Zero), Sumber = RecordSources.Mandiri,
            });
            await db.SaveChangesAsync();
        }

        var indexes = Indexes(tool.Database);
        var stored = Dump(tool.Database);

        var error = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => ImportAsync(tool, Rows, defer: true));

        // SQLite: "UNIQUE constraint failed"; PostgreSQL: "duplicate key value violates unique constraint".
        Assert.Contains("unique", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(indexes, Indexes(tool.Database));
        Assert.Equal(stored, Dump(tool.Database));
    }

    [Fact]
    public async Task Only_a_big_file_into_a_table_that_never_held_a_record_loads_as_one_transaction()
    {
        await using var empty = await ToolHost.StartAsync();
        await using var live = await StartWithChatRecordAsync();

        // The production rule (no test override): size threshold met in both, but the campaign in `live` holds a record,
        // so its chats must keep writing between the import's short transactions.
        Assert.True((await ImportBySizeAsync(empty, Rows, fromBytes: 0)).IndexesDeferred);
        Assert.False((await ImportBySizeAsync(live, Rows, fromBytes: 0)).IndexesDeferred);
        await using var small = await ToolHost.StartAsync();
        Assert.False((await ImportBySizeAsync(small, Rows, fromBytes: 16L << 20)).IndexesDeferred);
    }

    private static Task<RecordsImportResult> ImportBySizeAsync(ToolHost tool, string[] rows, long fromBytes)
    {
        var path = tool.WriteFile($"{Guid.NewGuid():N}.csv", string.Join("\n", rows.Prepend(Header)) + "\n");
        return tool.InScopeAsync(s => new RecordsImporter(s.GetRequiredService<BotDbContext>(), s.GetRequiredService<RegionCatalog>(),
            s.GetRequiredService<QuestionnaireCatalog>(), s.GetRequiredService<TimeProvider>())
        {
            DeferIndexesFromBytes = fromBytes,
        }.ImportAsync(path, CancellationToken.None));
    }

    private static async Task<ToolHost> StartWithChatRecordAsync()
    {
        var tool = await ToolHost.StartAsync();
        await tool.InScopeAsync(async s =>
        {
            await s.GetRequiredService<RecordWriter>().SaveUmkmAsync(new Dictionary<string, string>
            {
                ["nik"] = "1601071205800008", ["nama_pemilik"] = "Lama", ["nama_usaha"] = "Toko Lama", ["kode_desa"] = "16.01.07.2001",
                ["hp"] = "+6281211110008", ["waktu_kirim"] = "2022-09-01T09:00:00+07:00",
            }, new Submitter(null, RecordSources.Mandiri, null, null), CancellationToken.None);
            return await s.GetRequiredService<BotDbContext>().SaveChangesAsync();
        });
        return tool;
    }

    private static Task<RecordsImportResult> ImportAsync(ToolHost tool, string[] rows, bool defer)
    {
        var path = tool.WriteFile($"{Guid.NewGuid():N}.csv", string.Join("\n", rows.Prepend(Header)) + "\n");
        return tool.InScopeAsync(s => new RecordsImporter(s.GetRequiredService<BotDbContext>(), s.GetRequiredService<RegionCatalog>(),
            s.GetRequiredService<QuestionnaireCatalog>(), s.GetRequiredService<TimeProvider>())
        {
            DeferIndexesUpTo = defer ? long.MaxValue : -1,
        }.ImportAsync(path, CancellationToken.None));
    }

    /// <summary>Every index as its definition: SQLite's <c>sqlite_master</c>, PostgreSQL's <c>pg_indexes</c>.</summary>
    private static List<string> Indexes(TestDatabase database) =>
        DatabaseDump.Query(database, database.IsPostgres
            ? "SELECT indexname || ': ' || indexdef FROM pg_indexes WHERE schemaname = current_schema() ORDER BY indexname COLLATE \"C\""
            : "SELECT name || ': ' || sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name");

    /// <summary>What the import writes, as text, but the times it takes from the clock.</summary>
    private static string Dump(TestDatabase database) => DatabaseDump.Of(database);
}
