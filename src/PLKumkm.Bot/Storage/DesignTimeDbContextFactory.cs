using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using PLKumkm.Bot.Storage.PostgreSql;
using PLKumkm.Bot.Storage.Protection;

namespace PLKumkm.Bot.Storage;

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite model without starting the bot.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<BotDbContext>
{
    public BotDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<BotDbContext>().UseSqlite(StorageServiceCollectionExtensions.DefaultConnectionString)
            // Migrations need the model's shape only; converters never run at design time.
            .UseFieldProtection(new FieldProtector(FieldProtector.NewKey())).Options);
}

/// <summary>The same for PostgreSQL (<c>--context PostgresBotDbContext</c>); no server is contacted.</summary>
internal sealed class PostgresDesignTimeDbContextFactory : IDesignTimeDbContextFactory<PostgresBotDbContext>
{
    public PostgresBotDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PostgresBotDbContext>().UseNpgsql("Host=localhost;Database=plkumkm;Username=plkumkm");
        options.UseFieldProtection(new FieldProtector(FieldProtector.NewKey()));
        return new(options.Options);
    }
}
