using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Storage.Configurations;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> e)
    {
        e.ToTable("people");
        e.HasIndex(p => p.PhoneHash);
        e.Property(p => p.Role).HasConversion<string>().HasMaxLength(16);
        e.HasMany(p => p.Addresses).WithOne(a => a.Person).HasForeignKey(a => a.PersonId);
    }
}
