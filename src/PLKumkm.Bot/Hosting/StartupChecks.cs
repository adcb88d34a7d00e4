using PLKumkm.Bot.Conversations;
using PLKumkm.Bot.Regions;

namespace PLKumkm.Bot.Hosting;

/// <summary>
/// Builds what must be sound before anything runs (region data, questionnaire files), so a broken
/// questionnaire stops the program at start with the file, question and reason.
/// </summary>
internal sealed class StartupChecks(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<RegionCatalog>();
        services.GetRequiredService<QuestionnaireCatalog>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
