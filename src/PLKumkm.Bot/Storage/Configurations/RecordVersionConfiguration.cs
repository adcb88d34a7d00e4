using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Storage.Configurations;

internal sealed class RecordVersionConfiguration : IEntityTypeConfiguration<RecordVersion>
{
    public void Configure(EntityTypeBuilder<RecordVersion> e)
    {
        e.ToTable("record_versions");
        e.HasIndex(v => new { v.Kind, v.RecordId, v.Version }).IsUnique();
        e.Property(v => v.Kind).HasConversion<string>().HasMaxLength(16);
    }
}
