using PLKumkm.Bot.Conversations.Engine;
using PLKumkm.Bot.Records;
using PLKumkm.Bot.Regions;

namespace PLKumkm.Bot.Staff.QuickEntry;

/// <summary>A key of a quick entry line, resolved: the field it fills and the short label users see.</summary>
internal sealed record QuickEntryKey(string FieldId, string Label);

/// <summary>
/// The keys a quick entry understands: every UMKM field id (<c>nama_pemilik</c>) and the short
/// Indonesian labels enumerators type (<c>Nama</c>, <c>Usaha</c>, <c>Desa</c>, <c>Pekerja</c>…),
/// compared folded (case, spaces, underscores and punctuation ignored).
/// </summary>
internal static class QuickEntryKeys
{
    /// <summary>Coordinates typed separately (<c>Lat:</c>, <c>Lon:</c>) are combined into <see cref="FieldIds.Location"/>.</summary>
    public const string Latitude = "lat";

    public const string Longitude = "lon";

    /// <summary>Field id → its label (first) and the other names people use for it.</summary>
    private static readonly (string FieldId, string[] Names)[] Table =
    [
        ("nik", ["NIK", "no nik", "nomor nik", "ktp", "no ktp", "nik pemilik"]),
        ("nama_pemilik", ["Nama", "pemilik", "nama pemilik", "nama lengkap", "owner", "name"]),
        ("jenis_kelamin", ["JK", "jenis kelamin", "kelamin", "l/p", "sex", "gender"]),
        ("hp", ["HP", "no hp", "nomor hp", "nohp", "telp", "telepon", "tlp", "wa", "whatsapp", "phone", "ponsel"]),
        ("nama_usaha", ["Usaha", "nama usaha", "nama toko", "business"]),
        ("kegiatan", ["Kegiatan", "kegiatan usaha", "aktivitas", "jenis usaha", "produk"]),
        ("kbli", ["KBLI", "sektor", "kode kbli", "sektor kbli", "lapangan usaha"]),
        ("tahun_mulai", ["Tahun", "tahun mulai", "mulai", "tahun berdiri", "berdiri", "sejak"]),
        ("tempat", ["Tempat", "tempat usaha"]),
        ("bentuk", ["Bentuk", "bentuk usaha", "badan usaha"]),
        ("nib", ["NIB", "no nib", "nomor nib"]),
        ("kode_desa", ["Desa", "kelurahan", "kel", "desa/kel", "desa/kelurahan", "kode desa", "kode wilayah", "village"]),
        ("alamat", ["Alamat", "jalan", "address"]),
        (FieldIds.Location, ["Lokasi", "koordinat", "titik", "titik lokasi", "gps", "lat/lon", "lat lon", "latlon", "lat/long", "location"]),
        (Latitude, ["Lat", "latitude", "lintang"]),
        (Longitude, ["Lon", "lng", "long", "longitude", "bujur"]),
        ("tk_total", ["Pekerja", "jumlah pekerja", "tenaga kerja", "tk", "karyawan", "workers"]),
        ("tk_dibayar", ["Dibayar", "pekerja dibayar", "tk dibayar"]),
        ("tk_perempuan", ["Perempuan", "pekerja perempuan", "tk perempuan"]),
        ("omzet_tahunan", ["Omzet", "omset", "omzet tahunan", "penjualan", "turnover"]),
        ("modal", ["Modal", "modal usaha"]),
        ("aset", ["Aset", "asset", "nilai aset"]),
        ("cara_jual", ["Cara jual", "cara menjual", "penjualan via"]),
        ("kanal_online", ["Kanal", "kanal online", "online"]),
        ("sumber_modal", ["Sumber modal"]),
        ("anggota_kop", ["Anggota koperasi", "anggota kop", "koperasi"]),
        ("nama_kop", ["Nama koperasi", "nama kop"]),
        // Known, but never typed: a clear word beats "unknown key".
        ("foto", ["Foto", "photo", "gambar"]),
        ("waktu_kirim", []),
        ("sumber", []),
        ("enumerator", []),
        ("skala", ["Skala"]),
    ];

    /// <summary>Fields the system fills or derives; a quick entry cannot set them.</summary>
    public static readonly IReadOnlySet<string> NotTypeable = new HashSet<string>(StringComparer.Ordinal)
    {
        "foto", "waktu_kirim", "sumber", "enumerator", "skala",
    };

    private static readonly Dictionary<string, QuickEntryKey> ByFolded = Build();

    /// <summary>Labels in the order the template shows them, for suggestions and help.</summary>
    public static IReadOnlyList<string> Labels { get; } =
        Table.Where(t => t.Names.Length > 0 && !NotTypeable.Contains(t.FieldId)).Select(t => t.Names[0]).ToList();

    public static string LabelOf(string fieldId) =>
        Table.FirstOrDefault(t => t.FieldId == fieldId) is { Names.Length: > 0 } row ? row.Names[0] : fieldId;

    public static QuickEntryKey? Find(string rawKey) => ByFolded.GetValueOrDefault(Fold(rawKey));

    /// <summary>The label nearest to an unknown key (typos like "Omset2", "Nma"), if one is close enough.</summary>
    public static string? Suggest(string rawKey)
    {
        var folded = Fold(rawKey);
        if (folded.Length == 0)
        {
            return null;
        }

        var budget = folded.Length <= 4 ? 1 : folded.Length <= 8 ? 2 : 3;
        var best = ByFolded
            .Select(k => (k.Value.Label, Distance: EditDistance.Bounded(k.Key, folded, budget)))
            .Where(k => k.Distance <= budget)
            .OrderBy(k => k.Distance)
            .FirstOrDefault();
        return best.Label;
    }

    /// <summary>Case, spacing, underscores and punctuation do not make a different key.</summary>
    public static string Fold(string key) => TextNormalizer.Fold(key);

    private static Dictionary<string, QuickEntryKey> Build()
    {
        var map = new Dictionary<string, QuickEntryKey>(StringComparer.Ordinal);
        foreach (var (fieldId, names) in Table)
        {
            var label = names.Length > 0 ? names[0] : fieldId;
            foreach (var name in names.Prepend(fieldId))
            {
                // First one wins: a field id is never shadowed by another field's nickname.
                map.TryAdd(Fold(name), new QuickEntryKey(fieldId, label));
            }
        }

        return map;
    }
}
