using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Storage.Configurations;

internal sealed class WebhookInboxItemConfiguration : IEntityTypeConfiguration<WebhookInboxItem>
{
    public void Configure(EntityTypeBuilder<WebhookInboxItem> e)
    {
        e.ToTable("webhook_inbox");
        e.HasIndex(i => i.ProcessedAt);
        e.Property(i => i.Channel).HasMaxLength(32);
        e.Property(i => i.ClaimedBy).HasMaxLength(64);
    }
}
