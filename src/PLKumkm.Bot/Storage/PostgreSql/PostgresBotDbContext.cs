using Microsoft.EntityFrameworkCore;

namespace PLKumkm.Bot.Storage.PostgreSql;

/// <summary>
/// The same model on PostgreSQL. Its own type only so that EF keeps a migration history per provider
/// (<c>Storage/Migrations/PostgreSql</c>, found by this type), as EF's guide to several providers advises.
/// </summary>
internal sealed class PostgresBotDbContext(DbContextOptions<PostgresBotDbContext> options) : BotDbContext(options);
