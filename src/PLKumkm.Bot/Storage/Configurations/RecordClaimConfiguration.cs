using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Storage.Configurations;

internal sealed class RecordClaimConfiguration : IEntityTypeConfiguration<RecordClaim>
{
    public void Configure(EntityTypeBuilder<RecordClaim> e)
    {
        e.ToTable("record_claims");
        e.HasIndex(c => new { c.KodeKabupaten, c.Status });
        e.HasIndex(c => c.ClaimantPersonId);
        e.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
        e.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(c => c.KodeKabupaten).HasMaxLength(8);
    }
}
