using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Storage.Configurations;

internal sealed class ProvinceTotalConfiguration : IEntityTypeConfiguration<ProvinceTotal>
{
    public void Configure(EntityTypeBuilder<ProvinceTotal> e)
    {
        e.ToTable("province_totals");
        e.HasKey(c => new { c.ProvinceCode, c.Kind });
        e.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
    }
}
