using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using PLKumkm.Bot.Hosting;
using PLKumkm.Bot.LoadTest.Simulation;
using PLKumkm.Bot.Staff.Users;
using PLKumkm.Bot.Storage;

namespace PLKumkm.Bot.LoadTest.Modes;

/// <summary>Pre-registers the simulated enumerators by phone, exactly as <c>users add</c> does.</summary>
internal static class StaffSeeder
{
    public static async Task AddEnumeratorsAsync(IServiceProvider services, IEnumerable<SimUser> users, CancellationToken ct)
    {
        foreach (var user in users.Where(u => u.Kind == UserKind.Enumerator))
        {
            var scope = services.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                var entry = new StaffEntry(Scripts.Phone(user.Chat), "enumerator", Scripts.EnumeratorRegion,
                    string.Create(CultureInfo.InvariantCulture, $"Petugas {user.Chat}"));
                var (saved, error) = await scope.ServiceProvider.GetRequiredService<StaffRegistry>().AddAsync(entry, ct).ConfigureAwait(false);
                if (saved is null)
                {
                    throw new InvalidOperationException($"could not register enumerator {user.Chat}: {error}");
                }
            }
        }
    }

    /// <summary>The same against the workspace's database before the bot process starts (migrating it first).</summary>
    public static async Task AddEnumeratorsAsync(Targets.Workspace workspace, IEnumerable<SimUser> users, CancellationToken ct)
    {
        using var host = BotHost.Build(HostMode.Tool, [.. workspace.ConfigArgs, "--Logging:LogLevel:Default=Warning"]);
        await host.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(ct).ConfigureAwait(false);
        await AddEnumeratorsAsync(host.Services, users, ct).ConfigureAwait(false);
    }
}
