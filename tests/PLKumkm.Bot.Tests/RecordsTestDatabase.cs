using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using PLKumkm.Bot.Records;
using PLKumkm.Bot.Storage;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Tests;

/// <summary>A migrated temporary database (no region seeding) with a fake clock, for tests of records without a host.</summary>
internal sealed class RecordsTestDatabase : IDisposable
{
    private readonly TestDatabase _file = new();

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 27, 3, 0, 0, TimeSpan.Zero));

    public TestDatabase File => _file;

    public static async Task<RecordsTestDatabase> CreateAsync()
    {
        var db = new RecordsTestDatabase();
        await using var ctx = db.Open();
        await ctx.Database.MigrateAsync();
        return db;
    }

    public BotDbContext Open() => _file.Open();

    public RecordWriter Writer(BotDbContext ctx) => new(ctx, Clock);

    public static Submitter Owner(long personId) => new(personId, RecordSources.Mandiri, null, personId);

    public static readonly Submitter Enumerator = new(null, RecordSources.Enumerator, "enum-1", null);

    public void Dispose() => _file.Dispose();

    /// <summary>A complete UMKM answer set (as the questionnaire submits it); <paramref name="change"/> adjusts it.</summary>
    public static Dictionary<string, string> Umkm(Action<Dictionary<string, string>>? change = null)
    {
        var answers = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["nama_pemilik"] = "Sari Wulandari",
            ["nik"] = "1601074508900001",
            ["jenis_kelamin"] = "P",
            ["hp"] = "+6281234567890",
            ["nama_usaha"] = "Warung Bu Sari",
            ["kegiatan"] = "jualan sembako",
            ["kbli"] = "G",
            ["tahun_mulai"] = "2019",
            ["tempat"] = "menetap",
            ["bentuk"] = "perseorangan",
            ["kode_desa"] = "16.01.14.1005",
            ["alamat"] = "Jl. Merdeka 1",
            ["lokasi"] = "-4.1291,104.1668",
            ["foto"] = "telegram:PHOTO-1",
            ["tk_total"] = "3",
            ["tk_dibayar"] = "2",
            ["tk_perempuan"] = "2",
            ["omzet_tahunan"] = "36000000",
            ["modal"] = "15000000",
            ["cara_jual"] = "keduanya",
            ["kanal_online"] = "whatsapp,instagram",
            ["sumber_modal"] = "sendiri,kur",
            ["anggota_kop"] = "tidak",
        };
        change?.Invoke(answers);
        return answers;
    }

    public static Dictionary<string, string> Koperasi(Action<Dictionary<string, string>>? change = null)
    {
        var answers = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["nama_koperasi"] = "Koperasi Simpan Pinjam Maju Bersama",
            ["no_badan_hukum"] = "AHU-0001234.AH.01.26.TAHUN 2020",
            ["tgl_badan_hukum"] = "2015-03-12",
            ["nik_koperasi"] = "1601070000000007",
            ["bentuk_kop"] = "primer",
            ["jenis_kop"] = "simpan_pinjam",
            ["pola"] = "konvensional",
            ["kegiatan"] = "simpan pinjam anggota",
            ["kbli"] = "K",
            ["kode_desa"] = "16.01.14.1005",
            ["alamat"] = "Jl. Kartini No. 5",
            ["anggota_l"] = "120",
            ["anggota_p"] = "85",
            ["karyawan"] = "3",
            ["aktif"] = "ya",
            ["rat_terakhir"] = "2025",
            ["volume_usaha"] = "850000000",
            ["aset"] = "2500000000",
            ["modal_sendiri"] = "600000000",
            ["shu"] = "-12500000",
            ["nama_pengurus"] = "Hj. Siti Rahmawati",
            ["jabatan_pengurus"] = "ketua",
            ["hp"] = "+6281377778888",
        };
        change?.Invoke(answers);
        return answers;
    }

    /// <summary>
    /// Every text value stored anywhere in the database, decrypted (encrypted values would hide what is still there),
    /// for "is this personal value really gone" checks.
    /// </summary>
    public static async Task<List<string>> AllTextAsync(BotDbContext ctx)
    {
        var values = new List<string>();
        var connection = ctx.Database.GetDbConnection();
        await ctx.Database.OpenConnectionAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = connection is Npgsql.NpgsqlConnection
                ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
                : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        foreach (var table in tables.Where(t => t != "regions"))
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    if (!reader.IsDBNull(i) && reader.GetValue(i) is string s)
                    {
                        values.Add($"{table}: {ctx.Protection.Unprotect(s)}");
                    }
                }
            }
        }

        return values;
    }
}
