using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Storage.Configurations;

internal sealed class RegistrationSequenceConfiguration : IEntityTypeConfiguration<RegistrationSequence>
{
    public void Configure(EntityTypeBuilder<RegistrationSequence> e)
    {
        e.ToTable("registration_sequences");
        e.HasKey(s => s.Prefix);
    }
}
