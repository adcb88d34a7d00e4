using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using PLKumkm.Bot.Storage.Protection;

namespace PLKumkm.Bot.Storage;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the bot.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<BotDbContext>
{
    public BotDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<BotDbContext>().UseSqlite(StorageServiceCollectionExtensions.DefaultConnectionString)
            // Migrations need the model's shape only; converters never run at design time.
            .UseFieldProtection(new FieldProtector(FieldProtector.NewKey())).Options);
}
