using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Storage.Configurations;

internal sealed class ErasureRequestConfiguration : IEntityTypeConfiguration<ErasureRequest>
{
    public void Configure(EntityTypeBuilder<ErasureRequest> e)
    {
        e.ToTable("erasure_requests");
        e.HasIndex(r => new { r.KodeKabupaten, r.Status });
        e.HasIndex(r => new { r.Kind, r.RecordId });
        e.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
        e.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(r => r.KodeKabupaten).HasMaxLength(8);
        e.Property(r => r.Language).HasMaxLength(8);
        e.Property(r => r.Reason).HasMaxLength(200);
    }
}
