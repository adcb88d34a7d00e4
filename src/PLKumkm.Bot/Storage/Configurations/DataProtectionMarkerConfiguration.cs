using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Storage.Configurations;

internal sealed class DataProtectionMarkerConfiguration : IEntityTypeConfiguration<DataProtectionMarker>
{
    public void Configure(EntityTypeBuilder<DataProtectionMarker> e)
    {
        e.ToTable("data_protection");
        e.Property(m => m.Id).ValueGeneratedNever();
        e.Property(m => m.KeyId).HasMaxLength(16);
    }
}
