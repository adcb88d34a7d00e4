using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Staff.Onboarding;
using PLKumkm.Bot.Staff.Performance;
using PLKumkm.Bot.Staff.QuickEntry;
using PLKumkm.Bot.Staff.Review;
using PLKumkm.Bot.Staff.Team;
using PLKumkm.Bot.Staff.Users;

namespace PLKumkm.Bot.Staff;

internal static class StaffServiceCollectionExtensions
{
    /// <summary>Enumerators and coordinators: onboarding by phone, quick entry, /kinerja, /tim, /tinjau, and the users verbs.</summary>
    public static IServiceCollection AddStaff(this IServiceCollection services)
    {
        services.AddSingleton<QuickEntryParsers>();
        services.AddScoped<StaffRegistry>();
        services.AddScoped<StaffImport>();
        services.AddScoped<ClaimReview>();
        services.AddScoped<ErasureReview>();
        return services;
    }
}
