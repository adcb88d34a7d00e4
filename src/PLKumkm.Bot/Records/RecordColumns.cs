using PLKumkm.Bot.Core;

namespace PLKumkm.Bot.Records;

/// <summary>
/// What a record has besides its field ids when written out (exports): its number, the enumerator's name, the size
/// class and the regions above the village with their names. All derived from the record, so an import of an exported
/// file accepts these columns and never reads them.
/// </summary>
internal static class RecordColumns
{
    public const string RegistrationNumber = "no_registrasi";
    public const string NamaEnumerator = "nama_enumerator";
    public const string Skala = "skala";
    public const string KodeProvinsi = "kode_provinsi";
    public const string NamaProvinsi = "nama_provinsi";
    public const string KodeKabupaten = "kode_kabupaten";
    public const string NamaKabupaten = "nama_kabupaten";
    public const string KodeKecamatan = "kode_kecamatan";
    public const string NamaKecamatan = "nama_kecamatan";
    public const string NamaDesa = "nama_desa";

    /// <summary>The regions above the village (codes and names) and the village's name, in export order.</summary>
    public static readonly IReadOnlyList<string> Regions =
        [KodeProvinsi, NamaProvinsi, KodeKabupaten, NamaKabupaten, KodeKecamatan, NamaKecamatan, NamaDesa];

    /// <summary>The columns after the field ids, in export order (the registration number comes before them).</summary>
    public static IReadOnlyList<string> AfterFields(RecordKind kind) =>
        kind == RecordKind.Koperasi ? [NamaEnumerator, .. Regions] : [NamaEnumerator, Skala, .. Regions];

    /// <summary>Every derived column of a kind: what an import skips.</summary>
    public static IReadOnlyList<string> Derived(RecordKind kind) => [RegistrationNumber, .. AfterFields(kind)];
}
