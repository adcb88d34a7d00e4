using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Storage;

internal sealed partial class BotDbContext(DbContextOptions<BotDbContext> options) : DbContext(options)
{
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

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset natively; store UTC ticks-friendly text is slow,
        // so keep them as binary (long) for indexes and range queries.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverterWithUtc>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverterWithUtc>();
    }

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<Person>(e =>
        {
            e.ToTable("people");
            e.HasIndex(p => p.Phone);
            e.Property(p => p.Role).HasConversion<string>().HasMaxLength(16);
            e.HasMany(p => p.Addresses).WithOne(a => a.Person).HasForeignKey(a => a.PersonId);
        });
        model.Entity<PersonAddress>(e =>
        {
            e.ToTable("person_addresses");
            e.HasKey(a => a.Address);
        });
        model.Entity<Consent>(e =>
        {
            e.ToTable("consents");
            e.HasIndex(c => new { c.PersonId, c.NoticeVersion });
        });
        model.Entity<ConversationSession>(e =>
        {
            e.ToTable("sessions");
            e.HasIndex(s => new { s.PersonId, s.IsActive });
        });
        model.Entity<InboundUpdate>(e =>
        {
            e.ToTable("inbound_updates");
            e.HasKey(u => u.UpdateKey);
        });
        model.Entity<OutboxMessage>(e =>
        {
            e.ToTable("outbox");
            e.HasIndex(o => o.SentAt);
        });
        model.Entity<RegionRow>(e =>
        {
            e.ToTable("regions");
            e.HasKey(r => r.Code);
            e.HasIndex(r => r.ParentCode);
        });
        model.Entity<RegistrationSequence>(e =>
        {
            e.ToTable("registration_sequences");
            e.HasKey(s => s.Prefix);
        });
        model.Entity<UmkmRecord>(e =>
        {
            e.ToTable("umkm_records");
            e.HasIndex(r => r.RegistrationNumber).IsUnique();
            e.HasIndex(r => new { r.Nik, r.NamaUsahaNormal });
            e.HasIndex(r => new { r.KodeDesa, r.NamaUsahaNormal });
            e.HasIndex(r => r.Nib);
            e.HasIndex(r => new { r.KodeKabupaten, r.Status });
            e.HasIndex(r => r.OwnerPersonId);
            e.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
            e.Ignore(r => r.Kind);
            e.HasIndex(r => new { r.Enumerator, r.WaktuKirim });
        });
        model.Entity<CampaignTarget>(e =>
        {
            e.ToTable("targets");
            e.HasKey(t => t.RegionCode);
        });
        model.Entity<DailyCount>(e =>
        {
            e.ToTable("daily_counts");
            e.HasKey(c => new { c.RegencyCode, c.Day, c.Kind });
            e.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
        });
        model.Entity<ReviewDecision>(e =>
        {
            e.ToTable("review_decisions");
            e.HasIndex(d => d.RecordId);
            e.Property(d => d.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(d => d.Decision).HasConversion<string>().HasMaxLength(16);
            e.Property(d => d.PreviousStatus).HasConversion<string>().HasMaxLength(16);
        });
        model.Entity<RecordClaim>(e =>
        {
            e.ToTable("record_claims");
            e.HasIndex(c => new { c.KodeKabupaten, c.Status });
            e.HasIndex(c => c.ClaimantPersonId);
            e.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(c => c.KodeKabupaten).HasMaxLength(8);
        });
        model.Entity<WebhookInboxItem>(e =>
        {
            e.ToTable("webhook_inbox");
            e.HasIndex(i => i.ProcessedAt);
            e.Property(i => i.Channel).HasMaxLength(32);
        });
        ConfigureSingleDatabase(model);
        ConfigureCounting(model);
    }

    /// <summary>Cooperatives, version history, and the indexes the duplicate checks and exports rely on.</summary>
    private static void ConfigureSingleDatabase(ModelBuilder model)
    {
        model.Entity<KoperasiRecord>(e =>
        {
            e.ToTable("koperasi_records");
            e.HasIndex(r => r.RegistrationNumber).IsUnique();
            e.HasIndex(r => r.NoBadanHukumNormal);
            e.HasIndex(r => new { r.KodeDesa, r.NamaKoperasiNormal });
            e.HasIndex(r => r.Nib);
            e.HasIndex(r => r.Hp);
            e.HasIndex(r => new { r.KodeKabupaten, r.Status });
            e.HasIndex(r => new { r.KodeProvinsi, r.Status });
            e.HasIndex(r => r.OwnerPersonId);
            e.HasIndex(r => new { r.Enumerator, r.WaktuKirim });
            e.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
            e.Ignore(r => r.Kind);
        });
        model.Entity<UmkmRecord>(e =>
        {
            e.HasIndex(r => r.Hp);
            e.HasIndex(r => new { r.KodeProvinsi, r.Status });
        });
        model.Entity<RecordVersion>(e =>
        {
            e.ToTable("record_versions");
            e.HasIndex(v => new { v.Kind, v.RecordId, v.Version }).IsUnique();
            e.Property(v => v.Kind).HasConversion<string>().HasMaxLength(16);
        });
    }
}
