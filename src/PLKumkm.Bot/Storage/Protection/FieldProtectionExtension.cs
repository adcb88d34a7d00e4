using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace PLKumkm.Bot.Storage.Protection;

/// <summary>
/// Carries the <see cref="FieldProtector"/> to <see cref="BotDbContext"/> through its options. It changes no EF service,
/// so every key shares one internal service provider; the model (whose converters hold the key) is cached per key id
/// by <see cref="ProtectedModelCacheKeyFactory"/>, so two hosts with different keys in one process each get their own.
/// </summary>
internal sealed class FieldProtectionExtension(FieldProtector protector) : IDbContextOptionsExtension
{
    public FieldProtector Protector => protector;

    public DbContextOptionsExtensionInfo Info => new ExtensionInfo(this);

    public void ApplyServices(IServiceCollection services)
    {
    }

    public void Validate(IDbContextOptions options)
    {
    }

    private sealed class ExtensionInfo(IDbContextOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        public override bool IsDatabaseProvider => false;

        public override string LogFragment => "";

        public override int GetServiceProviderHashCode() => 0;

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo)
        {
        }
    }
}

internal static class FieldProtectionOptionsBuilderExtensions
{
    /// <summary>Encrypts and hashes personal values with <paramref name="protector"/> (see <see cref="ProtectedColumns"/>).</summary>
    public static DbContextOptionsBuilder<BotDbContext> UseFieldProtection(this DbContextOptionsBuilder<BotDbContext> builder, FieldProtector protector)
    {
        ((IDbContextOptionsBuilderInfrastructure)builder).AddOrUpdateExtension(new FieldProtectionExtension(protector));
        builder.ReplaceService<Microsoft.EntityFrameworkCore.Infrastructure.IModelCacheKeyFactory, ProtectedModelCacheKeyFactory>();
        return builder;
    }

    public static DbContextOptionsBuilder UseFieldProtection(this DbContextOptionsBuilder builder, FieldProtector protector)
    {
        ((IDbContextOptionsBuilderInfrastructure)builder).AddOrUpdateExtension(new FieldProtectionExtension(protector));
        builder.ReplaceService<Microsoft.EntityFrameworkCore.Infrastructure.IModelCacheKeyFactory, ProtectedModelCacheKeyFactory>();
        return builder;
    }
}

/// <summary>One model per key: the value converters capture the key they encrypt with.</summary>
internal sealed class ProtectedModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) => context is BotDbContext bot
        ? (context.GetType(), bot.Protection.KeyId, designTime)
        : (context.GetType(), designTime);
}
