using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Storage.Configurations;

internal sealed class UmkmRecordConfiguration : IEntityTypeConfiguration<UmkmRecord>
{
    public void Configure(EntityTypeBuilder<UmkmRecord> e)
    {
        RecordTables.Configure(e, "umkm_records");
        // The duplicate checks: same owner and business, same business name in the village.
        e.HasIndex(r => new { r.NikHash, r.NamaUsahaNormal });
        e.HasIndex(r => new { r.KodeDesa, r.NamaUsahaNormal });
    }
}
