using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Storage.Configurations;

/// <summary>The indexes are the duplicate checks' (legal-entity number, village and name, NIB, phone), the owner's own
/// records, the exports' and review's (regency or province and status, enumerator and time).</summary>
internal sealed class KoperasiRecordConfiguration : IEntityTypeConfiguration<KoperasiRecord>
{
    public void Configure(EntityTypeBuilder<KoperasiRecord> e)
    {
        e.ToTable("koperasi_records");
        e.HasIndex(r => r.RegistrationNumber).IsUnique();
        e.HasIndex(r => r.NoBadanHukumNormal);
        e.HasIndex(r => new { r.KodeDesa, r.NamaKoperasiNormal });
        e.HasIndex(r => r.Nib);
        e.HasIndex(r => r.Hp);
        e.HasIndex(r => new { r.KodeKabupaten, r.Status });
        e.HasIndex(r => new { r.KodeProvinsi, r.Status });
        e.HasIndex(r => r.OwnerPersonId);
        e.HasIndex(r => new { r.Enumerator, r.WaktuKirim });
        e.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        // The table says which kind it holds.
        e.Ignore(r => r.Kind);
    }
}
