using PLKumkm.Bot.Records.Import;

namespace PLKumkm.Bot.Records;

internal static class RecordsServiceCollectionExtensions
{
    /// <summary>
    /// The one writer every path saves records through (chat, quick entry, claims, imports), and <c>records import</c>:
    /// UMKM files through the bulk writer, cooperative files through <see cref="RecordWriter"/>;
    /// both decide with the same rules (<see cref="Rules.RecordRules"/>).
    /// </summary>
    public static IServiceCollection AddRecords(this IServiceCollection services)
    {
        services.AddScoped<RecordWriter>();
        services.AddScoped<RecordsImporter>();
        services.AddScoped<KoperasiImporter>();
        return services;
    }
}
