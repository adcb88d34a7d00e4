namespace PLKumkm.Bot.Records;

/// <summary>The contract's field ids (PRODUCT.md): questionnaires, quick entry, import and export all use them.</summary>
internal static class FieldIds
{
    public static readonly IReadOnlyList<string> Umkm =
    [
        "nik", "nama_pemilik", "jenis_kelamin", "hp", "nama_usaha", "kegiatan", "kbli", "tahun_mulai", "tempat",
        "bentuk", "nib", "kode_desa", "alamat", "lat", "lon", "foto", "tk_total", "tk_dibayar", "tk_perempuan",
        "omzet_tahunan", "modal", "aset", "cara_jual", "kanal_online", "sumber_modal", "anggota_kop", "nama_kop",
        "waktu_kirim", "sumber", "enumerator",
    ];

    public static readonly IReadOnlyList<string> Koperasi =
    [
        "nama_koperasi", "no_badan_hukum", "tgl_badan_hukum", "nik_koperasi", "nib", "bentuk_kop", "jenis_kop", "pola",
        "kegiatan", "kbli", "kode_desa", "alamat", "lat", "lon", "anggota_l", "anggota_p", "karyawan", "aktif",
        "rat_terakhir", "volume_usaha", "aset", "modal_sendiri", "shu", "nama_pengurus", "jabatan_pengurus", "hp",
        "waktu_kirim", "sumber", "enumerator",
    ];

    /// <summary>A location question answers both <c>lat</c> and <c>lon</c>; it is asked under this id.</summary>
    public const string Location = "lokasi";

    /// <summary>Fields the system fills, never asked.</summary>
    public static readonly IReadOnlySet<string> SystemFilled = new HashSet<string>(StringComparer.Ordinal)
    {
        "waktu_kirim", "sumber", "enumerator",
    };
}
