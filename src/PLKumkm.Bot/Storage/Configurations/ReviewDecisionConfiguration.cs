using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Storage.Configurations;

internal sealed class ReviewDecisionConfiguration : IEntityTypeConfiguration<ReviewDecision>
{
    public void Configure(EntityTypeBuilder<ReviewDecision> e)
    {
        e.ToTable("review_decisions");
        e.HasIndex(d => d.RecordId);
        e.Property(d => d.Kind).HasConversion<string>().HasMaxLength(16);
        e.Property(d => d.Decision).HasConversion<string>().HasMaxLength(16);
        e.Property(d => d.PreviousStatus).HasConversion<string>().HasMaxLength(16);
    }
}
