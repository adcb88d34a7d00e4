using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Storage.Configurations;

internal sealed class ProvinceDailyCountConfiguration : IEntityTypeConfiguration<ProvinceDailyCount>
{
    public void Configure(EntityTypeBuilder<ProvinceDailyCount> e)
    {
        e.ToTable("province_daily_counts");
        e.HasKey(c => new { c.ProvinceCode, c.Day, c.Kind });
        e.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
    }
}
