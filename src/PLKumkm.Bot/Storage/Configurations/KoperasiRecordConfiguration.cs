using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Storage.Configurations;

internal sealed class KoperasiRecordConfiguration : IEntityTypeConfiguration<KoperasiRecord>
{
    public void Configure(EntityTypeBuilder<KoperasiRecord> e)
    {
        RecordTables.Configure(e, "koperasi_records");
        // The duplicate checks: same legal-entity number, same cooperative name in the village.
        e.HasIndex(r => r.NoBadanHukumNormal);
        e.HasIndex(r => new { r.KodeDesa, r.NamaKoperasiNormal });
    }
}
