using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Storage.Configurations;

internal sealed class BroadcastConfiguration : IEntityTypeConfiguration<Broadcast>
{
    public void Configure(EntityTypeBuilder<Broadcast> e)
    {
        e.ToTable("broadcasts");
        e.HasIndex(b => b.Key).IsUnique();
        e.Property(b => b.Key).HasMaxLength(64);
        e.Property(b => b.RegionCode).HasMaxLength(16);
        e.Property(b => b.Audience).HasMaxLength(32);
    }
}

internal sealed class BroadcastRecipientConfiguration : IEntityTypeConfiguration<BroadcastRecipient>
{
    public void Configure(EntityTypeBuilder<BroadcastRecipient> e)
    {
        e.ToTable("broadcast_recipients");
        e.HasKey(r => new { r.BroadcastId, r.PersonId });
        e.HasOne<Broadcast>().WithMany().HasForeignKey(r => r.BroadcastId).OnDelete(DeleteBehavior.Cascade);
    }
}
