using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Storage.Configurations;

internal sealed class InboundUpdateConfiguration : IEntityTypeConfiguration<InboundUpdate>
{
    public void Configure(EntityTypeBuilder<InboundUpdate> e)
    {
        e.ToTable("inbound_updates");
        e.HasKey(u => u.UpdateKey);
        // Retention deletes the old keys by this, hourly, from a table of one row per update ever received.
        e.HasIndex(u => u.ProcessedAt);
    }
}
