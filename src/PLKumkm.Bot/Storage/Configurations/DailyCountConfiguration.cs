using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Storage.Configurations;

internal sealed class DailyCountConfiguration : IEntityTypeConfiguration<DailyCount>
{
    public void Configure(EntityTypeBuilder<DailyCount> e)
    {
        e.ToTable("daily_counts");
        e.HasKey(c => new { c.RegencyCode, c.Day, c.Kind });
        e.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
    }
}
