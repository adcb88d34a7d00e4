using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Storage.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> e)
    {
        e.ToTable("outbox");
        e.HasIndex(o => o.SentAt);
        e.HasIndex(o => o.Address);
        e.HasIndex(o => o.Subject);
        e.HasIndex(o => o.ChannelMessageHash);
        e.Property(o => o.ClaimedBy).HasMaxLength(64);
    }
}
