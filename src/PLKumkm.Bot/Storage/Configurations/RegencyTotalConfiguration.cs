using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Storage.Configurations;

internal sealed class RegencyTotalConfiguration : IEntityTypeConfiguration<RegencyTotal>
{
    public void Configure(EntityTypeBuilder<RegencyTotal> e)
    {
        e.ToTable("regency_totals");
        e.HasKey(c => new { c.RegencyCode, c.Kind });
        e.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
    }
}
