using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace PLKumkm.Bot.Storage;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the bot.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<BotDbContext>
{
    public BotDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<BotDbContext>().UseSqlite(StorageServiceCollectionExtensions.DefaultConnectionString).Options);
}
