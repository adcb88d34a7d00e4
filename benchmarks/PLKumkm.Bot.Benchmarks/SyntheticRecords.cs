using System.Globalization;
using System.Text;
using PLKumkm.Bot.Regions;

namespace PLKumkm.Bot.Benchmarks;

/// <summary>
/// Valid, deterministic UMKM rows for benchmarks and tests: real village codes, NIKs whose region,
/// birth date and serial pass every rule, Telkomsel-style mobile numbers, and submission times
/// spread evenly over a period. Row <c>i</c> is always the same business.
/// </summary>
internal sealed class SyntheticRecords
{
    public static readonly string Header =
        "nik,nama_pemilik,jenis_kelamin,hp,nama_usaha,kegiatan,kbli,tahun_mulai,tempat,bentuk,kode_desa,alamat,tk_total,tk_dibayar,tk_perempuan,omzet_tahunan,modal,cara_jual,anggota_kop,waktu_kirim";

    private static readonly string[] Names = ["Siti", "Budi", "Ani", "Joko", "Dewi", "Agus", "Rina", "Hendra", "Yanti", "Rudi"];
    private static readonly string[] Shops = ["Warung", "Toko", "Kedai", "Bengkel", "Konveksi", "Kios"];
    private static readonly string[] Kbli = ["G", "C", "I", "S", "47111"];

    private readonly string[] _villages;

    /// <param name="within">Villages inside this region only (a regency, a province); <c>""</c> for the whole country.</param>
    public SyntheticRecords(RegionCatalog catalog, string within = "")
    {
        var villages = new List<string>();
        Collect(catalog, within, villages);
        _villages = [.. villages];
    }

    public int VillageCount => _villages.Length;

    /// <summary>Writes rows <paramref name="first"/>…<paramref name="first"/>+<paramref name="count"/>−1 (with the header when <paramref name="header"/>).</summary>
    public void Write(TextWriter output, long first, long count, DateTimeOffset from, DateTimeOffset to, bool header = true)
    {
        if (header)
        {
            output.WriteLine(Header);
        }

        var line = new StringBuilder(320);
        for (var i = first; i < first + count; i++)
        {
            line.Clear();
            AppendRow(line, i, first, count, from, to);
            output.WriteLine(line);
        }
    }

    /// <summary>One row's values by field id (for paths that skip the CSV).</summary>
    public void AppendRow(StringBuilder line, long i, long first, long count, DateTimeOffset from, DateTimeOffset to)
    {
        var inv = CultureInfo.InvariantCulture;
        // Spread villages with a multiplicative hash so neighbouring rows land in different regencies.
        var village = _villages[(int)((ulong)(i * 2654435761L) % (ulong)_villages.Length)];
        var female = i % 2 == 1;
        var name = Names[(int)(i % Names.Length)] + (female ? " Wati" : " Santoso");
        var workers = (int)(i % 5) + 1;
        var span = (to - from).Ticks;
        var at = from.AddTicks(count <= 1 ? 0 : (long)((i - first) * (double)span / (count - 1)));
        line.Append(Nik(village, i)).Append(',')
            .Append(name).Append(',')
            .Append(female ? 'P' : 'L').Append(',')
            .Append("0812").Append((i % 100_000_000).ToString("00000000", inv)).Append(',')
            .Append(Shops[(int)(i % Shops.Length)]).Append(' ').Append(name).Append(' ').Append(i.ToString(inv)).Append(',')
            .Append("jualan kebutuhan sehari-hari").Append(',')
            .Append(Kbli[(int)(i % Kbli.Length)]).Append(',')
            .Append((2000 + (i % 22)).ToString(inv)).Append(',')
            .Append("menetap").Append(',')
            .Append("perseorangan").Append(',')
            .Append(village).Append(',')
            .Append("Jl. Merdeka No. ").Append((i % 200 + 1).ToString(inv)).Append(',')
            .Append(workers.ToString(inv)).Append(',')
            .Append((workers - 1).ToString(inv)).Append(',')
            .Append((female ? 1 : 0).ToString(inv)).Append(',')
            .Append((12_000_000 + (i % 100) * 1_000_000).ToString(inv)).Append(',')
            .Append((5_000_000 + (i % 50) * 500_000).ToString(inv)).Append(',')
            .Append("offline").Append(',')
            .Append("tidak").Append(',')
            .Append(at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", inv));
    }

    /// <summary>
    /// A valid NIK registered in the village's district, unique per <paramref name="i"/> (below 168
    /// million): the serial, birth day, month and year are the digits of <paramref name="i"/>.
    /// </summary>
    public static string Nik(string villageCode, long i)
    {
        var serial = i % 9999 + 1;
        var k = i / 9999;
        var day = (int)(k % 28) + 1;
        k /= 28;
        var month = (int)(k % 12) + 1;
        k /= 12;
        var year = (int)(50 + k % 50);
        if (i % 2 == 1)
        {
            day += 40;
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"{villageCode[..2]}{villageCode[3..5]}{villageCode[6..8]}{day:00}{month:00}{year:00}{serial:0000}");
    }

    private static void Collect(RegionCatalog catalog, string code, List<string> villages)
    {
        foreach (var child in catalog.ChildrenOf(code))
        {
            if (child.Level == RegionLevel.Village)
            {
                villages.Add(child.Code);
            }
            else
            {
                Collect(catalog, child.Code, villages);
            }
        }
    }
}
