using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Storage.Configurations;

internal sealed class DigestSubscriptionConfiguration : IEntityTypeConfiguration<DigestSubscription>
{
    public void Configure(EntityTypeBuilder<DigestSubscription> e)
    {
        e.ToTable("digest_subscriptions");
        e.HasKey(s => s.PersonId);
        e.HasOne<Person>().WithMany().HasForeignKey(s => s.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
