using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Storage.Configurations;

/// <summary>
/// What the UMKM and koperasi tables share: the registration number, the duplicate checks' NIB and phone, the owner's
/// own records, the exports' and review's regency or province and status, enumerator and time.
/// </summary>
internal static class RecordTables
{
    public static void Configure<T>(EntityTypeBuilder<T> e, string table)
        where T : class, IRegisteredRecord
    {
        e.ToTable(table);
        e.HasIndex(nameof(IRegisteredRecord.RegistrationNumber)).IsUnique();
        e.HasIndex("Nib");
        e.HasIndex("HpHash");
        e.HasIndex(nameof(IRegisteredRecord.KodeKabupaten), nameof(IRegisteredRecord.Status));
        e.HasIndex(nameof(IRegisteredRecord.KodeProvinsi), nameof(IRegisteredRecord.Status));
        e.HasIndex(nameof(IRegisteredRecord.OwnerPersonId));
        e.HasIndex("Enumerator", nameof(IRegisteredRecord.WaktuKirim));
        e.Property<RecordStatus>(nameof(IRegisteredRecord.Status)).HasConversion<string>().HasMaxLength(16);
        // The table says which kind it holds.
        e.Ignore(nameof(IRegisteredRecord.Kind));
    }
}
