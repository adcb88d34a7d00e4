using PLKumkm.Bot.Storage;
using PLKumkm.Bot.Tests.Hosting;

namespace PLKumkm.Bot.Tests.MultiInstance;

/// <summary>
/// A SQLite and a PostgreSQL database used by one process (a tool beside the bot, the tests, the benchmark's
/// calibration): each has its own EF model, so nothing compiled for one may be run against the other.
/// </summary>
public sealed class BothProvidersInOneProcessTests
{
    [SkippableFact]
    public async Task A_chat_on_SQLite_then_one_on_PostgreSQL_then_SQLite_again_are_all_answered()
    {
        PostgresServer.SkipUnlessAvailable();
        using var sqlite = new TestDatabase(provider: DatabaseProvider.Sqlite);
        using var postgres = new TestDatabase(provider: DatabaseProvider.PostgreSql);
        await ToolHost.CopyTemplateAsync(sqlite);
        await ToolHost.CopyTemplateAsync(postgres);

        foreach (var db in new[] { sqlite, postgres, sqlite })
        {
            var output = await ConsoleChat.RunAsync(db, ["/bantuan"], "owner");
            Assert.Contains("/start", output, StringComparison.Ordinal);
            Assert.DoesNotContain("Maaf", output, StringComparison.Ordinal);
        }
    }
}
