using Microsoft.Extensions.Options;
using PLKumkm.Bot.Conversations.Definition;
using PLKumkm.Bot.Conversations.Engine;
using PLKumkm.Bot.Conversations.Handling;
using PLKumkm.Bot.Conversations.Types;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Records;
using PLKumkm.Bot.Regions;

namespace PLKumkm.Bot.Conversations;

internal sealed class ConversationsOptions
{
    public const string Section = "Conversations";

    /// <summary>Folder of questionnaire files; relative paths are tried from the working folder, then the program's.</summary>
    public string Directory { get; set; } = "conversations";

    public string ResolveDirectory()
    {
        if (Path.IsPathRooted(Directory))
        {
            return Directory;
        }

        var fromWorkingFolder = Path.GetFullPath(Directory);
        return System.IO.Directory.Exists(fromWorkingFolder)
            ? fromWorkingFolder
            : Path.Combine(AppContext.BaseDirectory, Directory);
    }
}

internal static class ConversationsServiceCollectionExtensions
{
    /// <summary>Questionnaires (loaded and checked at start-up), the engine, and the chat handlers.</summary>
    public static IServiceCollection AddConversations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ConversationsOptions>().Bind(configuration.GetSection(ConversationsOptions.Section));
        // One registry of question types for the loader, the engine and the readers of quick entry and import.
        services.AddSingleton(QuestionTypeRegistry.Default);
        services.AddSingleton<QuestionTypes>();
        services.AddSingleton(sp => new QuestionnaireCatalog(QuestionnaireLoader.LoadDirectory(
            sp.GetRequiredService<IOptions<ConversationsOptions>>().Value.ResolveDirectory(), sp.GetRequiredService<QuestionTypeRegistry>())));
        services.AddSingleton<ConversationEngine>();
        services.AddSingleton<QuestionnaireAhead>();
        services.AddScoped<QuestionnaireRunner>();
        return services;
    }
}
