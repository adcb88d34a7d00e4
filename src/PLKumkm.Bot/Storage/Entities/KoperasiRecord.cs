using PLKumkm.Bot.Core;

namespace PLKumkm.Bot.Storage.Entities;

/// <summary>
/// One cooperative in the single database. Property names mirror the contract's koperasi field ids
/// (<c>no_badan_hukum</c> → <see cref="NoBadanHukum"/>); money is whole rupiah and <see cref="Shu"/> may be negative.
/// </summary>
internal sealed class KoperasiRecord : ICountedRecord, IRegisteredRecord
{
    public RecordKind Kind => RecordKind.Koperasi;

    public long Id { get; set; }
    public string RegistrationNumber { get; set; } = "";
    public RecordStatus Status { get; set; } = RecordStatus.Active;

    public string NamaKoperasi { get; set; } = "";

    /// <summary>The name folded for "same cooperative" matching (see <see cref="Records.BusinessName"/>).</summary>
    public string NamaKoperasiNormal { get; set; } = "";

    public string? NoBadanHukum { get; set; }

    /// <summary>The legal entity number reduced to letters and digits: one cooperative per number.</summary>
    public string? NoBadanHukumNormal { get; set; }

    public DateOnly? TglBadanHukum { get; set; }

    /// <summary>Nomor Induk Koperasi (from ODS): the cooperative's number, not a person's NIK.</summary>
    public string? NikKoperasi { get; set; }

    public string? Nib { get; set; }
    public string? BentukKop { get; set; }
    public string? JenisKop { get; set; }
    public string? Pola { get; set; }
    public string? Kegiatan { get; set; }
    public string? Kbli { get; set; }
    public string? KbliSection { get; set; }
    public string KodeDesa { get; set; } = "";
    public string KodeKecamatan { get; set; } = "";
    public string KodeKabupaten { get; set; } = "";
    public string KodeProvinsi { get; set; } = "";
    public string? Alamat { get; set; }
    public double? Lat { get; set; }
    public double? Lon { get; set; }
    public int? AnggotaL { get; set; }
    public int? AnggotaP { get; set; }
    public int? Karyawan { get; set; }

    /// <summary><c>ya</c> or <c>tidak</c>.</summary>
    public string? Aktif { get; set; }

    public int? RatTerakhir { get; set; }
    public long? VolumeUsaha { get; set; }
    public long? Aset { get; set; }
    public long? ModalSendiri { get; set; }

    /// <summary>Sisa hasil usaha of the last financial year; negative for a loss.</summary>
    public long? Shu { get; set; }

    public string? NamaPengurus { get; set; }
    public string? JabatanPengurus { get; set; }
    /// <summary>Encrypted at rest; lookups compare <see cref="HpHash"/>.</summary>
    public string? Hp { get; set; }

    /// <summary>Keyed hash of <see cref="Hp"/> (set on save).</summary>
    public string? HpHash { get; set; }

    public DateTimeOffset WaktuKirim { get; set; }
    public string Sumber { get; set; } = RecordSources.Mandiri;
    public string? Enumerator { get; set; }
    public long? SubmittedByPersonId { get; set; }

    /// <summary>The officer who registered it through the chat (their own person), when known.</summary>
    public long? OwnerPersonId { get; set; }

    public string? FlagReason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    string IRegisteredRecord.BusinessName => NamaKoperasi;
}
