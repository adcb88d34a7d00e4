using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Storage.Entities;
using PLKumkm.Bot.Storage.Protection;

namespace PLKumkm.Bot.Storage;

/// <remarks>Not sealed: PostgreSQL uses <see cref="PostgreSql.PostgresBotDbContext"/>, the same model with its own migration history.</remarks>
internal partial class BotDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>Encrypts NIKs, phones and the JSON that holds them, and hashes lookups (see <see cref="ProtectedColumns"/>).</summary>
    public FieldProtector Protection { get; } = options.FindExtension<FieldProtectionExtension>()?.Protector
        ?? throw new InvalidOperationException("BotDbContext needs its options' UseFieldProtection: personal values are never stored in clear");

    public DbSet<DataProtectionMarker> DataProtection => Set<DataProtectionMarker>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<PersonAddress> PersonAddresses => Set<PersonAddress>();
    public DbSet<Consent> Consents => Set<Consent>();
    public DbSet<ConversationSession> Sessions => Set<ConversationSession>();
    public DbSet<InboundUpdate> InboundUpdates => Set<InboundUpdate>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<RegionRow> Regions => Set<RegionRow>();
    public DbSet<RegistrationSequence> RegistrationSequences => Set<RegistrationSequence>();
    public DbSet<UmkmRecord> UmkmRecords => Set<UmkmRecord>();
    public DbSet<CampaignTarget> Targets => Set<CampaignTarget>();
    public DbSet<DailyCount> DailyCounts => Set<DailyCount>();
    public DbSet<KoperasiRecord> KoperasiRecords => Set<KoperasiRecord>();
    public DbSet<RecordVersion> RecordVersions => Set<RecordVersion>();
    public DbSet<ReviewDecision> ReviewDecisions => Set<ReviewDecision>();
    public DbSet<RecordClaim> RecordClaims => Set<RecordClaim>();
    public DbSet<WebhookInboxItem> WebhookInbox => Set<WebhookInboxItem>();
    public DbSet<ErasureRequest> ErasureRequests => Set<ErasureRequest>();
    public DbSet<DigestSubscription> DigestSubscriptions => Set<DigestSubscription>();
    public DbSet<Broadcast> Broadcasts => Set<Broadcast>();
    public DbSet<BroadcastRecipient> BroadcastRecipients => Set<BroadcastRecipient>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset natively; store UTC ticks-friendly text is slow,
        // so keep them as binary (long) for indexes and range queries.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverterWithUtc>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverterWithUtc>();
    }

    /// <summary>Each entity's table, keys and indexes are in its own class in <c>Storage/Configurations</c>.</summary>
    protected override void OnModelCreating(ModelBuilder model)
    {
        model.ApplyConfigurationsFromAssembly(typeof(BotDbContext).Assembly,
            t => t.Namespace == typeof(Configurations.PersonConfiguration).Namespace);
        ProtectedColumns.Apply(model, Protection);
    }

    /// <summary>The hash twins follow their clear values on every save (the clear values are encrypted by converters);
    /// a watching context notes the senders' rows written (<see cref="SenderWrites"/>).</summary>
    private void StampLookupHashes()
    {
        var writes = SenderWrites;
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                ProtectedColumns.StampHashes(entry.Entity, Protection);
            }

            writes?.Record(entry);
        }
    }
}
