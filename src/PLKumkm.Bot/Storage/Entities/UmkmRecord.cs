using PLKumkm.Bot.Core;

namespace PLKumkm.Bot.Storage.Entities;

/// <summary>
/// One business in the single database. Property names mirror the contract's field ids
/// (<c>nama_pemilik</c> → <see cref="NamaPemilik"/>); money is whole rupiah, omzet per year.
/// </summary>
internal sealed class UmkmRecord : ICountedRecord, IRegisteredRecord
{
    public RecordKind Kind => RecordKind.Umkm;

    public long Id { get; set; }
    public string RegistrationNumber { get; set; } = "";
    public RecordStatus Status { get; set; } = RecordStatus.Active;

    /// <summary>Encrypted at rest; lookups compare <see cref="NikHash"/>.</summary>
    public string? Nik { get; set; }

    /// <summary>Keyed hash of <see cref="Nik"/> (set on save): "same business" is looked up by it.</summary>
    public string? NikHash { get; set; }

    public string? NamaPemilik { get; set; }
    public string? JenisKelamin { get; set; }
    /// <summary>Encrypted at rest; lookups compare <see cref="HpHash"/>.</summary>
    public string? Hp { get; set; }

    /// <summary>Keyed hash of <see cref="Hp"/> (set on save).</summary>
    public string? HpHash { get; set; }

    public string NamaUsaha { get; set; } = "";

    /// <summary>Business name folded for "same business" matching (case, spacing, punctuation).</summary>
    public string NamaUsahaNormal { get; set; } = "";

    public string? Kegiatan { get; set; }
    public string? Kbli { get; set; }
    public string? KbliSection { get; set; }
    public int? TahunMulai { get; set; }
    public string? Tempat { get; set; }
    public string? Bentuk { get; set; }
    public string? Nib { get; set; }
    public string KodeDesa { get; set; } = "";
    public string KodeKecamatan { get; set; } = "";
    public string KodeKabupaten { get; set; } = "";
    public string KodeProvinsi { get; set; } = "";
    public string? Alamat { get; set; }
    public double? Lat { get; set; }
    public double? Lon { get; set; }
    /// <summary>A stored photo's reference (<c>sha256:&lt;hex&gt;.jpg</c>, see <c>Media/</c>), or an imported value as given.</summary>
    public string? Foto { get; set; }

    /// <summary>The stored photo's type (<c>image/jpeg</c>, <c>image/png</c>, <c>image/webp</c>); follows <see cref="Foto"/>.</summary>
    public string? FotoType { get; set; }
    public int? TkTotal { get; set; }
    public int? TkDibayar { get; set; }
    public int? TkPerempuan { get; set; }
    public long? OmzetTahunan { get; set; }
    public long? Modal { get; set; }
    public long? Aset { get; set; }
    public string? CaraJual { get; set; }
    public string? KanalOnline { get; set; }
    public string? SumberModal { get; set; }
    public string? AnggotaKop { get; set; }
    public string? NamaKop { get; set; }

    /// <summary>Derived from omzet and capital (PP 7/2021): mikro, kecil, menengah, besar.</summary>
    public string? Skala { get; set; }

    public DateTimeOffset WaktuKirim { get; set; }
    public string Sumber { get; set; } = RecordSources.Mandiri;

    /// <summary>The enumerator's person id when one submitted it.</summary>
    public string? Enumerator { get; set; }

    /// <summary>The person who registered it (owner self-registration, or the enumerator).</summary>
    public long? SubmittedByPersonId { get; set; }

    /// <summary>The owner's own person, when known (self-registration).</summary>
    public long? OwnerPersonId { get; set; }

    /// <summary>Why the record waits for a coordinator, when it does.</summary>
    public string? FlagReason { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    string IRegisteredRecord.BusinessName => NamaUsaha;
}

internal enum RecordStatus
{
    /// <summary>Counts toward progress.</summary>
    Active = 0,

    /// <summary>Counts, but a coordinator should look (implausible values, likely duplicate of another owner's).</summary>
    Flagged = 1,

    /// <summary>Decided to be a duplicate of another record: never counted.</summary>
    Duplicate = 2,

    /// <summary>Consent withdrawn: personal data removed, not counted.</summary>
    Withdrawn = 3,

    /// <summary>Rejected by a coordinator: not counted.</summary>
    Rejected = 4,
}

internal static class RecordSources
{
    public const string Mandiri = "mandiri";
    public const string Enumerator = "enumerator";
    public const string Impor = "impor";
}
