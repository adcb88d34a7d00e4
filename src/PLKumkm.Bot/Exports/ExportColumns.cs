using PLKumkm.Bot.Core;
using PLKumkm.Bot.Records;

namespace PLKumkm.Bot.Exports;

/// <summary>
/// The columns of an export: the registration number, then exactly the contract's field ids (so the file can be
/// imported again with <c>records import</c>), then what is derived (size class, region codes above the village).
/// </summary>
internal static class ExportColumns
{
    public const string RegistrationNumber = "no_registrasi";
    public const string Skala = "skala";
    public const string KodeProvinsi = "kode_provinsi";
    public const string KodeKabupaten = "kode_kabupaten";
    public const string KodeKecamatan = "kode_kecamatan";

    private static readonly IReadOnlyList<string> UmkmColumns =
        [RegistrationNumber, .. FieldIds.Umkm, Skala, KodeProvinsi, KodeKabupaten, KodeKecamatan];

    private static readonly IReadOnlyList<string> KoperasiColumns =
        [RegistrationNumber, .. FieldIds.Koperasi, KodeProvinsi, KodeKabupaten, KodeKecamatan];

    /// <summary>Written as numbers in XLSX (so a spreadsheet can sum them); canonical integers in CSV either way.</summary>
    private static readonly IReadOnlySet<string> Numeric = new HashSet<string>(StringComparer.Ordinal)
    {
        "tahun_mulai", "tk_total", "tk_dibayar", "tk_perempuan", "omzet_tahunan", "modal", "aset", "lat", "lon",
        "anggota_l", "anggota_p", "karyawan", "rat_terakhir", "volume_usaha", "modal_sendiri", "shu",
    };

    public static IReadOnlyList<string> For(RecordKind kind) => kind == RecordKind.Koperasi ? KoperasiColumns : UmkmColumns;

    public static bool IsNumeric(string column) => Numeric.Contains(column);
}
