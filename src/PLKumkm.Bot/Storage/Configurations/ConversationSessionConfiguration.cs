using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Storage.Configurations;

internal sealed class ConversationSessionConfiguration : IEntityTypeConfiguration<ConversationSession>
{
    public void Configure(EntityTypeBuilder<ConversationSession> e)
    {
        e.ToTable("sessions");
        e.HasIndex(s => new { s.PersonId, s.IsActive });
        // The reminder pass looks for open forms untouched since a given time, every few minutes. Partial: EF writes
        // the flag as a bare term ("IsActive"), which no index column matches but a partial index's filter does; the
        // same filter reads as a boolean on both providers.
        e.HasIndex(s => new { s.RemindersSent, s.UpdatedAt }, "IX_sessions_waiting").HasFilter("\"IsActive\"");
    }
}
