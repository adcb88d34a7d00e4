using PLKumkm.Bot.Conversations.Engine;
using PLKumkm.Bot.Records;
using PLKumkm.Bot.Regions;

namespace PLKumkm.Bot.Cooperatives;

/// <summary>
/// The keys a <c>#koperasi</c> quick entry understands: every koperasi field id and the short Indonesian labels
/// enumerators type (<c>Nama</c>, <c>No BH</c>, <c>Desa</c>, <c>SHU</c>…), compared folded (case, spaces, punctuation).
/// </summary>
internal static class KoperasiQuickEntryKeys
{
    private static readonly (string FieldId, string[] Names)[] Table =
    [
        ("nama_koperasi", ["Nama", "nama koperasi", "koperasi", "nama kop"]),
        ("no_badan_hukum", ["No BH", "badan hukum", "nomor badan hukum", "no badan hukum", "nbh", "bh"]),
        ("tgl_badan_hukum", ["Tgl BH", "tanggal badan hukum", "tgl badan hukum", "tanggal bh"]),
        ("nik_koperasi", ["NIK koperasi", "nik kop", "nomor induk koperasi", "nik"]),
        ("nib", ["NIB", "no nib", "nomor nib"]),
        ("bentuk_kop", ["Bentuk", "bentuk koperasi"]),
        ("jenis_kop", ["Jenis", "jenis koperasi"]),
        ("pola", ["Pola", "pola pengelolaan"]),
        ("kegiatan", ["Kegiatan", "kegiatan usaha", "usaha"]),
        ("kbli", ["KBLI", "sektor", "kode kbli"]),
        ("kode_desa", ["Desa", "kelurahan", "kel", "desa/kelurahan", "kode desa"]),
        ("alamat", ["Alamat", "jalan"]),
        (FieldIds.Location, ["Lokasi", "koordinat", "titik", "gps"]),
        ("anggota_l", ["Anggota L", "anggota laki-laki", "anggota laki laki", "anggota pria", "laki-laki"]),
        ("anggota_p", ["Anggota P", "anggota perempuan", "anggota wanita", "perempuan"]),
        ("karyawan", ["Karyawan", "pegawai", "jumlah karyawan"]),
        ("aktif", ["Aktif", "masih aktif", "status aktif"]),
        ("rat_terakhir", ["RAT", "rat terakhir", "tahun rat"]),
        ("volume_usaha", ["Volume", "volume usaha", "omzet", "omset"]),
        ("aset", ["Aset", "asset", "total aset"]),
        ("modal_sendiri", ["Modal sendiri", "modal"]),
        ("shu", ["SHU", "sisa hasil usaha"]),
        ("nama_pengurus", ["Pengurus", "nama pengurus", "ketua"]),
        ("jabatan_pengurus", ["Jabatan", "jabatan pengurus"]),
        ("hp", ["HP", "no hp", "nomor hp", "telp", "telepon", "wa"]),
    ];

    private static readonly Dictionary<string, (string FieldId, string Label)> ByFolded = Build();

    public static IReadOnlyList<string> Labels { get; } = Table.Select(t => t.Names[0]).ToList();

    public static string LabelOf(string fieldId) => Table.FirstOrDefault(t => t.FieldId == fieldId).Names?[0] ?? fieldId;

    public static string? Find(string rawKey) => ByFolded.TryGetValue(TextNormalizer.Fold(rawKey), out var key) ? key.FieldId : null;

    /// <summary>The label nearest to an unknown key ("Volum", "Angota L"), when one is close enough.</summary>
    public static string? Suggest(string rawKey)
    {
        var folded = TextNormalizer.Fold(rawKey);
        var budget = folded.Length <= 4 ? 1 : folded.Length <= 8 ? 2 : 3;
        return folded.Length == 0
            ? null
            : ByFolded.Select(k => (k.Value.Label, Distance: EditDistance.Bounded(k.Key, folded, budget)))
                .Where(k => k.Distance <= budget).OrderBy(k => k.Distance).FirstOrDefault().Label;
    }

    private static Dictionary<string, (string, string)> Build()
    {
        var map = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var (fieldId, names) in Table)
        {
            foreach (var name in names.Prepend(fieldId))
            {
                map.TryAdd(TextNormalizer.Fold(name), (fieldId, names[0]));
            }
        }

        return map;
    }
}
