using Microsoft.Extensions.Options;

namespace PLKumkm.Bot.Storage;

/// <summary>
/// This process among the bot instances sharing one database: a name for its claims on inbox and outbox rows, and
/// whether there can be others (PostgreSQL) or not (a SQLite file belongs to one bot process).
/// </summary>
internal sealed class BotInstance(IOptions<StorageOptions> storage)
{
    /// <summary>How long a claim holds without renewal: a dead instance's work is taken over after this.</summary>
    public static readonly TimeSpan ClaimTime = TimeSpan.FromSeconds(5);

    public string Id { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..6]}";

    public bool Shared { get; } = storage.Value.Provider == DatabaseProvider.PostgreSql;
}
